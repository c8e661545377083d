import { describe, expect, it } from "vitest";
import { chain, end, messageCatch, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// An order waits for the payment system to confirm the payment of its order number.
const awaitPayment = processOf(
  [start("order"), messageCatch("paid", "payment-received", "orderId", { amount: "amount", paidVia: "method" }), task("ship"), end("done")],
  chain("order", "paid", "ship", "done"),
);

describe("a message wait", () => {
  it("waits with the key worked out on arrival, and moves on with the message's data mapped", () => {
    const run = given(awaitPayment).whenStarted({ orderId: "A-17" });
    expect(run.commands).toContainEqual({ type: "waitForMessage", tokenId: expect.any(String), stepId: "paid", name: "payment-received", key: "A-17" });
    expect(run.state!.messages).toEqual([expect.objectContaining({ stepId: "paid", key: "A-17" })]);
    expect(run.openTaskSteps()).toEqual([]);

    run.whenMessage("payment-received", "A-17", { amount: 120, method: "card", ignored: true });
    expect(run.commands[0]).toEqual({ type: "variablesChanged", stepId: "paid", changes: { amount: 120, paidVia: "card" } });
    expect(run.variables).toEqual({ orderId: "A-17", amount: 120, paidVia: "card" });
    expect(run.openTaskSteps()).toEqual(["ship"]);
    expect(run.state!.messages).toEqual([]);
  });

  it("copies every key of the message when it has no outputs, and reads a number key as text", () => {
    const plain = processOf([start("s"), messageCatch("m", "signed", "contractNo"), task("next"), end("e")], chain("s", "m", "next", "e"));
    const run = given(plain).whenStarted({ contractNo: 42 });
    expect(run.state!.messages![0]!.key).toBe("42");
    run.whenMessage("signed", "42", { signedBy: "Ada" });
    expect(run.variables).toEqual({ contractNo: 42, signedBy: "Ada" });
  });

  it("refuses a message nothing waits for, naming what does wait", () => {
    const run = given(awaitPayment).whenStarted({ orderId: "A-17" });
    expect(() => run.whenMessage("payment-received", "B-2")).toThrow(
      `messageReceived: nothing in this instance waits for the message "payment-received" with key "B-2" (waiting: "payment-received" with key "A-17")`,
    );
  });

  it("stops under an incident when the key is empty, and subscribes once retried with one", () => {
    const run = given(awaitPayment).whenStarted({});
    expect(run.status).toBe("incident");
    const incident = run.state!.incidents[0]!;
    expect(incident.message).toMatch(/^message wait "Wait for payment-received" \(paid\) for "payment-received": the correlation key `orderId` yielded null/);
    expect(run.commandTypes()).not.toContain("waitForMessage");

    run.whenRetried(incident.id, { orderId: "A-18" });
    expect(run.status).toBe("running");
    expect(run.commands).toContainEqual(expect.objectContaining({ type: "waitForMessage", key: "A-18" }));
  });

  it("stops at the wait under an incident when the data cannot be mapped, and waits again when retried", () => {
    const strict = processOf([start("s"), messageCatch("m", "scored", "id", { score: "result.value +" }), end("e")], chain("s", "m", "e"));
    const run = given(strict).whenStarted({ id: "x" });
    run.whenMessage("scored", "x", { result: { value: 2 } });
    expect(run.status).toBe("incident");
    expect(run.raised()[0]!.message).toMatch(/came, but output to "score"/);
    run.whenRetried(run.state!.incidents[0]!.id);
    expect(run.commands).toContainEqual(expect.objectContaining({ type: "waitForMessage", stepId: "m", key: "x" }));
    expect(run.status).toBe("running");
  });
});
