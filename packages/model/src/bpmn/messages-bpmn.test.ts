import { describe, expect, it } from "vitest";
import { processDefinitionSchema } from "../process-definition.ts";
import { exportBpmn } from "./export-bpmn.ts";
import { importBpmn } from "./import-bpmn.ts";
import { readFixture } from "./test-support/fixture-files.ts";

const at = (x: number) => ({ x, y: 100 });

/** A weekly report process and an order that waits for the payment or a timeout, whichever comes first. */
const orders = processDefinitionSchema.parse({
  schemaVersion: 1,
  key: "order-payment",
  name: "Order payment",
  steps: [
    { id: "start", kind: "start", name: "Order placed", position: at(0), trigger: { type: "message", message: "order-placed" }, outputs: [{ from: "order.id", to: "orderId" }] },
    { id: "first", kind: "eventBasedGateway", name: "Paid in time?", position: at(100) },
    { id: "paid", kind: "messageCatch", name: "Payment received", position: at(200), message: { name: "payment-received", correlationKey: "orderId" }, outputs: [{ from: "amount", to: "paidAmount" }] },
    { id: "timeout", kind: "timer", name: "Two days", position: { x: 200, y: 250 }, timer: { type: "duration", duration: "P2D" } },
    { id: "done", kind: "end", name: "Done", position: at(400) },
    { id: "cancelled", kind: "end", name: "Cancelled", position: { x: 400, y: 250 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "first" },
    { id: "c2", source: "first", target: "paid" },
    { id: "c3", source: "first", target: "timeout" },
    { id: "c4", source: "paid", target: "done" },
    { id: "c5", source: "timeout", target: "cancelled" },
  ],
});

describe("BPMN messages and start triggers", () => {
  it("writes a message start, an event-based gateway and a message catch event with its bpmn:Message", async () => {
    const xml = await exportBpmn(orders);
    expect(xml).toMatch(/<bpmn:startEvent id="start" name="Order placed">[\s\S]*<bpmn:messageEventDefinition[^>]* messageRef="Message_order-placed"/);
    expect(xml).toContain('<bpmn:eventBasedGateway id="first" name="Paid in time?">');
    expect(xml).toMatch(/<bpmn:intermediateCatchEvent id="paid" name="Payment received">[\s\S]*<bpmn:messageEventDefinition[^>]* messageRef="Message_payment-received"/);
    expect(xml).toContain('<bpmn:message id="Message_payment-received" name="payment-received" />');
  });

  it("comes back unchanged, and the second export is the first", async () => {
    const first = await exportBpmn(orders);
    const back = await importBpmn(first);
    expect(back.report.unsupported).toEqual([]);
    expect(back.report.warnings).toEqual([]);
    expect(back.definition).toEqual(orders);
    expect(await exportBpmn(back.definition!)).toBe(first);
  });

  it("keeps a timer start's cycle or date", async () => {
    for (const timer of [{ type: "cycle", cycle: "R/2025-01-06T08:00:00Z/P7D" }, { type: "date", date: "2025-06-01T09:00:00Z" }] as const) {
      const weekly = processDefinitionSchema.parse({ ...orders, steps: orders.steps.map((s) => (s.kind === "start" ? { ...s, trigger: { type: "timer", timer } } : s)) });
      const xml = await exportBpmn(weekly);
      expect(xml).toContain(timer.type === "cycle" ? "<bpmn:timeCycle" : "<bpmn:timeDate");
      expect((await importBpmn(xml)).definition).toEqual(weekly);
    }
  });

  it("reads Zeebe's correlation key and timer start as written by Camunda 8", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="hourly-check" isExecutable="true">
    <bpmn:startEvent id="tick"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="answer" name="Answer"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="tick" targetRef="answer" />
    <bpmn:sequenceFlow id="f2" sourceRef="answer" targetRef="end" />
  </bpmn:process>
  <bpmn:message id="m1" name="check-answered"><bpmn:extensionElements><zeebe:subscription correlationKey="=ticket.id" /></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;
    const { definition, report } = await importBpmn(xml);
    expect(report.unsupported).toEqual([]);
    expect(definition!.steps.find((s) => s.id === "tick")).toMatchObject({ trigger: { type: "timer", timer: { type: "cycle", cycle: "R/PT1H" } } });
    expect(definition!.steps.find((s) => s.id === "answer")).toMatchObject({ kind: "messageCatch", message: { name: "check-answered", correlationKey: "ticket.id" } });
  });

  it("imports the kitchen sink's message waits and event gateway, listing the gateway that starts a process and the parallel one", async () => {
    const { definition, report } = await importBpmn(readFixture("executable/bpmn-js__kitchen-sink.bpmn"));
    const kinds = definition!.steps.map((s) => s.kind);
    expect(kinds).toContain("eventBasedGateway");
    expect(kinds).toContain("messageCatch");
    const gateways = report.unsupported.filter((u) => u.type === "bpmn:EventBasedGateway").map((u) => u.reason);
    expect(gateways).toEqual([expect.stringContaining("starts the process (instantiate)"), expect.stringContaining("parallel event-based gateway")]);
    // A catch event without a bpmn:Message is imported, with a warning asking for the name.
    expect(report.warnings.some((w) => w.includes("waits for a message without a name"))).toBe(true);
  });

  it("imports a receive task as a message wait, listing the events on its border and one that starts the process", async () => {
    const { definition, report } = await importBpmn(readFixture("miwg/reference/C.9.1.bpmn"));
    expect(definition!.steps.find((s) => s.id === "ReceiveTask_WaitForDocument")).toMatchObject({
      kind: "messageCatch",
      name: "Wait for answer",
      message: { name: "MESSAGE_documentReceived", correlationKey: "documentReferenceId" },
    });
    expect(report.warnings).toContain('"Wait for answer" (ReceiveTask_WaitForDocument) is a receive task: it was imported as a message wait, which waits for the same message.');
    const onBorder = report.unsupported.filter((u) => u.type === "bpmn:BoundaryEvent");
    expect(onBorder.map((u) => u.id)).toEqual(["BoundaryEvent_1", "BoundaryEvent_2"]);
    expect(onBorder[0]!.reason).toMatch(/sits on "Wait for answer" \(ReceiveTask_WaitForDocument\), imported as a message wait, which takes no events on its border; for a time limit, put a "first event wins" gateway/);
    expect(definition!.steps.some((s) => s.kind === "boundaryEvent")).toBe(false);

    const sink = await importBpmn(readFixture("executable/bpmn-js__kitchen-sink.bpmn"));
    expect(sink.definition!.steps.find((s) => s.id === "Activity_09glvdf")?.kind).toBe("messageCatch");
    expect(sink.report.unsupported.find((u) => u.id === "Activity_0e5q7rs")?.reason).toMatch(/receive task that starts the process \(instantiate\)/);
  });
});
