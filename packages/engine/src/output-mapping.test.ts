import type { OutputMapping } from "@baton/model";
import { describe, expect, it } from "vitest";
import { chain, end, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

function orderTask(outputs: OutputMapping[] | undefined) {
  return processOf([start("s"), task("order", outputs ? { outputs } : {}), end("e")], chain("s", "order", "e"));
}

describe("merging a completed task's data into the variables", () => {
  it("writes nested `to` paths into objects and reports whole top-level values", () => {
    const run = given(
      orderTask([
        { from: "amount", to: "order.total" },
        { from: "street + \", \" + city", to: "order.shipping.address" },
        { from: "amount > 1000", to: "needsApproval" },
      ]),
    ).whenStarted({ order: { id: "A-1", total: 0 } });

    run.whenCompleted("order", { amount: 1500, street: "Main St 1", city: "Springfield" });

    const order = { id: "A-1", total: 1500, shipping: { address: "Main St 1, Springfield" } };
    expect(run.variables).toEqual({ order, needsApproval: true });
    expect(run.commands[0]).toEqual({ type: "variablesChanged", stepId: "order", changes: { order, needsApproval: true } });
  });

  it("replaces a value in the way of a nested path", () => {
    const run = given(orderTask([{ from: "total", to: "order.total" }])).whenStarted({ order: "pending" });

    run.whenCompleted("order", { total: 10 });

    expect(run.variables).toEqual({ order: { total: 10 } });
  });

  it("copies every field when the task has no mapping, and nothing when the mapping is empty", () => {
    const copyAll = given(orderTask(undefined)).whenStarted({});
    copyAll.whenCompleted("order", { amount: 3, items: [{ sku: "w" }] });
    expect(copyAll.variables).toEqual({ amount: 3, items: [{ sku: "w" }] });

    const copyNone = given(orderTask([])).whenStarted({});
    copyNone.whenCompleted("order", { amount: 3 });
    expect(copyNone.variables).toEqual({});
    expect(copyNone.commandTypes()).toEqual(["endInstance"]);
  });

  it("lets a mapping remember who completed the task", () => {
    const run = given(orderTask([{ from: "completedBy", to: "salesRep" }])).whenStarted({});

    run.whenCompleted("order", {}, "sam");

    expect(run.variables).toEqual({ salesRep: "sam" });
  });

  it("stores FEEL dates as ISO text", () => {
    const run = given(orderTask([{ from: 'date(shippedOn) + duration("P7D")', to: "followUpOn" }])).whenStarted({});

    run.whenCompleted("order", { shippedOn: "2024-04-02" });

    expect(run.variables).toEqual({ followUpOn: "2024-04-09" });
  });

  it("a mapping that does not parse changes nothing and stops at the task with an incident", () => {
    const run = given(
      orderTask([
        { from: "amount", to: "total" },
        { from: "amount *", to: "double" },
      ]),
    ).whenStarted({});

    run.whenCompleted("order", { amount: 2 });

    expect(run.variables).toEqual({});
    expect(run.status).toBe("incident");
    expect(run.raised()).toEqual([expect.objectContaining({ code: "expression.error", stepId: "order", message: expect.stringContaining('output to "double"') })]);
  });

  it("keeps a field called __proto__ as plain data", () => {
    const run = given(orderTask(undefined)).whenStarted({});

    run.whenCompleted("order", JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}'));

    expect(Object.getPrototypeOf(run.variables)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(run.variables.ok).toBe(1);
  });
});
