import { describe, expect, it } from "vitest";
import { chain, end, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// Lead to customer, the straight path: log the prospect, call back, enter the order.
const leadProcess = processOf(
  [
    start("log"),
    task("call", { name: "Call back", assignment: { type: "group", group: "sales" } }),
    task("order", {
      name: "Enter order",
      assignment: { type: "user", user: "rita" },
      outputs: [
        { from: "amount", to: "orderAmount" },
        { from: "items[1]", to: "firstItem" },
      ],
    }),
    end("done"),
  ],
  chain("log", "call", "order", "done"),
);

describe("a sequence of tasks", () => {
  it("starts with the start form as variables and creates the first task", () => {
    const run = given(leadProcess).whenStarted({ name: "Ann Smith", company: "ACME", product: "Widget" }, "desk-1");

    expect(run.status).toBe("running");
    expect(run.variables).toEqual({ name: "Ann Smith", company: "ACME", product: "Widget" });
    expect(run.state?.startedBy).toBe("desk-1");
    expect(run.commandTypes()).toEqual(["variablesChanged", "createTask"]);
    expect(run.created()).toEqual([
      { type: "createTask", tokenId: expect.any(String), stepId: "call", name: "Call back", assignee: null, candidateGroup: "sales", dueAt: null },
    ]);
    expect(run.state?.tokens).toEqual([{ id: run.task("call").tokenId, stepId: "call", via: "log->call" }]);
  });

  it("moves from task to task, merging each task's data, and ends", () => {
    const run = given(leadProcess).whenStarted({ name: "Ann Smith" });

    run.whenCompleted("call", { outcome: "converted" });
    expect(run.variables).toEqual({ name: "Ann Smith", outcome: "converted" });
    expect(run.commands).toEqual([
      { type: "variablesChanged", stepId: "call", changes: { outcome: "converted" } },
      expect.objectContaining({ type: "createTask", stepId: "order", assignee: "rita", candidateGroup: null }),
    ]);
    expect(run.openTaskSteps()).toEqual(["order"]);

    run.whenCompleted("order", { amount: 1200, items: ["widget", "gadget"], note: "not mapped" });
    expect(run.variables).toEqual({ name: "Ann Smith", outcome: "converted", orderAmount: 1200, firstItem: "widget" });
    expect(run.commands).toEqual([
      { type: "variablesChanged", stepId: "order", changes: { orderAmount: 1200, firstItem: "widget" } },
      { type: "endInstance" },
    ]);
    expect(run.status).toBe("completed");
    expect(run.state?.tokens).toEqual([]);
    expect(run.history.filter((c) => c.type === "endInstance")).toHaveLength(1);
  });

  it("applies the start step's output mapping when it has one", () => {
    const mapped = processOf(
      [start("log", { outputs: [{ from: "first + \" \" + last", to: "customer.name" }, { from: "phone", to: "customer.phone" }] }), task("call"), end("done")],
      chain("log", "call", "done"),
    );

    const run = given(mapped).whenStarted({ first: "Ann", last: "Smith", phone: "555-0100", ignored: true });

    expect(run.variables).toEqual({ customer: { name: "Ann Smith", phone: "555-0100" } });
  });

  it("gives every task its own token id", () => {
    const run = given(leadProcess).whenStarted({});
    const callToken = run.task("call").tokenId;
    run.whenCompleted("call", {});

    expect(run.task("order").tokenId).not.toBe(callToken);
  });
});
