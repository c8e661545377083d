import { describe, expect, it } from "vitest";
import type { Problem } from "@baton/model";
import { sampleProcess } from "../test/sample-process.ts";
import { nothingSelected as none } from "../process/selection.ts";
import { createFlowCache, definitionToFlow, edgeText } from "./definition-to-flow.ts";

const directory = {
  users: [{ username: "anna", displayName: "Anna Berg" }],
  groups: [{ key: "sales", name: "Sales reps" }],
};

describe("definitionToFlow", () => {
  it("makes one node per step, typed by kind, at the step's position and size", () => {
    const { nodes } = definitionToFlow({ definition: sampleProcess(), problems: [], selection: none });
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ["start", "start"],
      ["callBack", "userTask"],
      ["decision", "exclusiveGateway"],
      ["enterOrder", "userTask"],
      ["won", "end"],
      ["lost", "end"],
    ]);
    const task = nodes.find((n) => n.id === "callBack")!;
    expect(task.position).toEqual({ x: 120, y: 160 });
    expect([task.width, task.height]).toEqual([200, 80]);
    // Known sizes are handed over as measured, so React Flow keeps its handle positions.
    expect(task.measured).toEqual({ width: 200, height: 80 });
    expect(nodes.every((n) => !n.selected)).toBe(true);
  });

  it("summarises who does a task and when, with directory names", () => {
    const { nodes } = definitionToFlow({ definition: sampleProcess(), problems: [], selection: none, directory });
    const callBack = nodes.find((n) => n.id === "callBack")!;
    expect(callBack.data.assignee).toEqual({ type: "group", text: "Sales reps" });
    expect(callBack.data.due?.short).toBe("Today");
    const order = nodes.find((n) => n.id === "enterOrder")!;
    expect(order.data.assignee).toEqual({ type: "expression", text: "salesRep" });
    expect(order.data.due).toEqual({ short: "4 hours", long: "Within 4 hours of the task being created" });
    const noDue = sampleProcess();
    delete (noDue.steps[3] as { due?: unknown }).due;
    const plain = definitionToFlow({ definition: noDue, problems: [], selection: none });
    expect(plain.nodes.find((n) => n.id === "enterOrder")!.data.due).toBeUndefined();
    expect(nodes.find((n) => n.id === "decision")!.data.assignee).toBeUndefined();
  });

  it("turns connections into edges with sides, words and default/condition marks", () => {
    const { edges } = definitionToFlow({ definition: sampleProcess(), problems: [], selection: none });
    expect(edges).toHaveLength(6);
    const yes = edges.find((e) => e.id === "c-yes")!;
    expect([yes.source, yes.target, yes.sourceHandle, yes.targetHandle]).toEqual(["decision", "enterOrder", "s-top", "t-left"]);
    expect(yes.data).toMatchObject({ text: "Converted", hasCondition: true, isDefault: false });
    const again = edges.find((e) => e.id === "c-again")!;
    expect([again.sourceHandle, again.targetHandle]).toEqual(["s-bottom", "t-bottom"]);
    const no = edges.find((e) => e.id === "c-no")!;
    expect(no.data).toMatchObject({ isDefault: true, hasCondition: false, text: "Not interested" });
  });

  it("marks the selected step or connection", () => {
    const def = sampleProcess();
    const a = definitionToFlow({ definition: def, problems: [], selection: { steps: ["decision"], connections: [] } });
    expect(a.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["decision"]);
    expect(a.edges.some((e) => e.selected)).toBe(false);
    const b = definitionToFlow({ definition: def, problems: [], selection: { steps: [], connections: ["c-no"] } });
    expect(b.edges.filter((e) => e.selected).map((e) => e.id)).toEqual(["c-no"]);
    expect(b.nodes.some((n) => n.selected)).toBe(false);
  });

  it("marks steps and connections with their worst problem", () => {
    const problems: Problem[] = [
      { code: "decision.no-default", severity: "warning", message: "w", stepId: "decision" },
      { code: "step.dead-end", severity: "warning", message: "w", stepId: "enterOrder" },
      { code: "expression.syntax", severity: "error", message: "e", stepId: "enterOrder" },
      { code: "expression.syntax", severity: "error", message: "e", connectionId: "c-yes", stepId: "decision" },
    ];
    const { nodes, edges } = definitionToFlow({ definition: sampleProcess(), problems, selection: none });
    const mark = (id: string) => nodes.find((n) => n.id === id)!.data.problem;
    expect(mark("decision")).toBe("warning");
    expect(mark("enterOrder")).toBe("error");
    expect(mark("callBack")).toBeUndefined();
    expect(edges.find((e) => e.id === "c-yes")!.data!.problem).toBe("error");
  });

  it("leaves out what cannot be drawn: repeated step ids and connections to unknown steps", () => {
    const def = sampleProcess();
    def.steps.push({ ...def.steps[1]!, name: "copy" });
    def.connections.push({ id: "c-broken", source: "won", target: "nowhere" });
    const { nodes, edges } = definitionToFlow({ definition: def, problems: [], selection: none });
    expect(nodes.filter((n) => n.id === "callBack")).toHaveLength(1);
    expect(nodes.find((n) => n.id === "callBack")!.data.title).toBe("Call back the prospect");
    expect(edges.map((e) => e.id)).not.toContain("c-broken");
  });

  it("names an unnamed step by its kind and id", () => {
    const def = sampleProcess();
    def.steps[2]!.name = "";
    const { nodes } = definitionToFlow({ definition: def, problems: [], selection: none });
    expect(nodes.find((n) => n.id === "decision")!.data.title).toBe("Decision (one path) (decision)");
  });
});

describe("definitionToFlow with a cache", () => {
  it("hands back the same node and edge objects for what did not change", () => {
    const cache = createFlowCache();
    const def = sampleProcess();
    const first = definitionToFlow({ definition: def, problems: [], selection: none }, cache);
    const moved = { ...def, steps: def.steps.map((s) => (s.id === "won" ? { ...s, position: { x: 900, y: 62 } } : s)) };
    const second = definitionToFlow({ definition: moved, problems: [], selection: { steps: ["lost"], connections: [] } }, cache);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(["won", "lost"]);
    expect(second.edges.filter((e, i) => e !== first.edges[i]).map((e) => e.id)).toEqual(["c3"]);
    expect(second.nodes.find((n) => n.id === "won")!.position).toEqual({ x: 900, y: 62 });
  });

  it("hands back the same lists when nothing in them changed", () => {
    const cache = createFlowCache();
    const def = sampleProcess();
    const first = definitionToFlow({ definition: def, problems: [], selection: none }, cache);
    const again = definitionToFlow({ definition: def, problems: [], selection: none }, cache);
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    // Selecting a step changes its node, not one connection: the edge list stays the very same array.
    const selected = definitionToFlow({ definition: def, problems: [], selection: { steps: ["won"], connections: [] } }, cache);
    expect(selected.nodes).not.toBe(first.nodes);
    expect(selected.edges).toBe(first.edges);
  });

  it("gives every node its handles, so React Flow need not draw a step to place its lines", () => {
    const { nodes } = definitionToFlow({ definition: sampleProcess(), problems: [], selection: none });
    const task = nodes.find((n) => n.type === "userTask")!;
    expect(task.handles?.map((h) => h.id).sort()).toEqual(["s-bottom", "s-left", "s-right", "s-top", "t-bottom", "t-left", "t-right", "t-top"]);
    expect(task.handles?.find((h) => h.id === "s-right")).toMatchObject({ x: 200, y: 40 });
  });

  it("describes the kinds the engine does not run yet", () => {
    const def = sampleProcess();
    def.steps.push(
      { id: "w", kind: "timer", name: "Wait", position: { x: 0, y: 0 }, timer: { type: "duration", duration: "P2D" } },
      { id: "s", kind: "serviceCall", name: "Ask CRM", position: { x: 0, y: 0 }, request: { method: "POST", url: "https://crm", headers: [] }, outputs: [], retries: 3, timeoutSeconds: 30 },
    );
    const { nodes } = definitionToFlow({ definition: def, problems: [], selection: none });
    expect(nodes.find((n) => n.id === "w")!.data.detail).toBe("Waits 2 days");
    expect(nodes.find((n) => n.id === "s")!.data.detail).toBe("POST https://crm");
  });

  it("says what a message wait waits for and what else starts the process", () => {
    const def = sampleProcess();
    const start = def.steps.find((s) => s.kind === "start")!;
    Object.assign(start, { trigger: { type: "timer", timer: { type: "cycle", cycle: "R/P1D" } } });
    def.steps.push({ id: "m", kind: "messageCatch", name: "Paid", position: { x: 0, y: 0 }, message: { name: "payment-received", correlationKey: "orderId" } });
    const { nodes } = definitionToFlow({ definition: def, problems: [], selection: none });
    expect(nodes.find((n) => n.id === "m")!.data.detail).toBe('Waits for "payment-received" with key orderId');
    expect(nodes.find((n) => n.id === start.id)!.data.detail).toBe("Also starts on the timer R/P1D");
  });

  it("draws an event on a step's border over its step, saying when it goes off", () => {
    const def = sampleProcess();
    const task = def.steps.find((s) => s.kind === "userTask")!;
    def.steps.push({ id: "late", kind: "boundaryEvent", name: "Late", position: { x: 0, y: 0 }, attachedTo: task.id, interrupting: false, trigger: { type: "timer", timer: { type: "duration", duration: "PT4H" } } });
    const late = definitionToFlow({ definition: def, problems: [], selection: none }).nodes.find((n) => n.id === "late")!;
    expect(late).toMatchObject({ type: "boundaryEvent", zIndex: 1001 });
    expect(late.data.detail).toBe("after 4 hours; the step goes on");
  });
});

describe("edgeText", () => {
  it("prefers the label, then the condition (shortened), then 'otherwise' for a default", () => {
    expect(edgeText({ id: "a", source: "x", target: "y", label: " Yes ", condition: "ok" })).toBe("Yes");
    expect(edgeText({ id: "a", source: "x", target: "y", condition: "amount > 1000" })).toBe("amount > 1000");
    const long = edgeText({ id: "a", source: "x", target: "y", condition: "amount > 1000 and category = \"gold\" and x" });
    expect(long.length).toBe(32);
    expect(long.endsWith("…")).toBe(true);
    expect(edgeText({ id: "a", source: "x", target: "y", isDefault: true })).toBe("otherwise");
    expect(edgeText({ id: "a", source: "x", target: "y" })).toBe("");
  });
});
