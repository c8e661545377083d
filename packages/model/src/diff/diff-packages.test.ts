import { describe, expect, it } from "vitest";
import { leadToCustomer } from "../fixtures/lead-to-customer.ts";
import { processDefinitionSchema, type ProcessDefinition, type Step } from "../process-definition.ts";
import { diffMarkers } from "./diff-markers.ts";
import { diffPackages } from "./diff-packages.ts";

/** Version 1 and an edited copy: each test changes one kind of thing and reads the diff. */
function versions(edit: (d: ProcessDefinition) => void) {
  const v1 = processDefinitionSchema.parse(leadToCustomer());
  const v2 = processDefinitionSchema.parse(leadToCustomer());
  edit(v2);
  return diffPackages(v1, v2);
}

function step<K extends Step["kind"]>(d: ProcessDefinition, id: string): Extract<Step, { kind: K }> {
  return d.steps.find((s) => s.id === id) as Extract<Step, { kind: K }>;
}

describe("diffPackages", () => {
  it("finds nothing between identical versions", () => {
    const diff = versions(() => {});
    expect(diff.unchanged).toBe(true);
    expect(diff.layoutChanged).toBe(false);
  });

  it("counts a moved step as layout only", () => {
    const diff = versions((d) => (step(d, "ship").position = { x: 5, y: 300 }));
    expect(diff).toMatchObject({ unchanged: true, layoutChanged: true, steps: { changed: [] } });
  });

  it("lists an added step and its connections, and the variables it writes", () => {
    const diff = versions((d) => {
      d.steps.push({
        id: "review",
        kind: "userTask",
        name: "Second-level review",
        position: { x: 900, y: 200 },
        assignment: { type: "group", group: "second-line" },
        form: { schemaVersion: 1, blocks: [{ id: "f-ok", type: "yesNo", key: "reviewOk", label: "Review ok?", required: true }] },
      });
      d.connections = d.connections.filter((c) => c.id !== "c-shipped");
      d.connections.push({ id: "c-to-review", source: "ship", target: "review" }, { id: "c-reviewed", source: "review", target: "join" });
    });
    expect(diff.steps.added).toEqual([{ id: "review", name: "Second-level review", kind: "userTask" }]);
    expect(diff.connections.added.map((c) => c.id)).toEqual(["c-to-review", "c-reviewed"]);
    expect(diff.connections.added[0]).toMatchObject({ sourceName: "Ship order", targetName: "Second-level review" });
    expect(diff.connections.removed.map((c) => c.id)).toEqual(["c-shipped"]);
    expect(diff.steps.changed).toEqual([
      expect.objectContaining({ id: "ship", changes: [{ aspect: "nextSteps", label: "Leads to", before: "Both done", after: "Second-level review" }] }),
    ]);
    expect(diff.variables).toEqual({ added: ["reviewOk"], removed: [] });
    expect(diff.unchanged).toBe(false);
  });

  it("lists a removed step and the variables no longer written", () => {
    const diff = versions((d) => {
      d.steps = d.steps.filter((s) => s.id !== "welcome");
      d.connections = d.connections.filter((c) => c.id !== "c-welcome" && c.id !== "c-welcomed");
    });
    expect(diff.steps.removed).toEqual([{ id: "welcome", name: "Welcome call", kind: "userTask" }]);
    expect(diff.connections.removed.map((c) => c.id).sort()).toEqual(["c-welcome", "c-welcomed"]);
    expect(diff.variables.removed).toEqual(["happy"]);
  });

  it("tells a renamed step by its id, with the old and new name", () => {
    const diff = versions((d) => (step(d, "call-back").name = "Call the prospect"));
    expect(diff.steps.changed).toEqual([
      { id: "call-back", name: "Call the prospect", kind: "userTask", changes: [{ aspect: "name", label: "Name", before: "Call back", after: "Call the prospect" }] },
    ]);
    // A connection into the renamed step is not itself changed.
    expect(diff.connections.changed).toEqual([]);
  });

  it("tells a step whose kind changed", () => {
    const diff = versions((d) => {
      const i = d.steps.findIndex((s) => s.id === "lost");
      d.steps[i] = { id: "lost", kind: "notify", name: "Lost", position: { x: 600, y: 0 }, recipients: { type: "group", group: "sales" }, subject: "Lost lead", message: "" };
    });
    const changes = diff.steps.changed.find((s) => s.id === "lost")!.changes;
    expect(changes[0]).toEqual({ aspect: "kind", label: "Kind", before: "end", after: "notification" });
    expect(changes.map((c) => c.aspect)).toContain("assignment");
  });

  it("reads assignment, due rule and escalations in words", () => {
    const diff = versions((d) => {
      const ship = step<"userTask">(d, "ship");
      ship.assignment = { type: "group", group: "logistics", strategy: "roundRobin" };
      ship.due = { type: "duration", duration: "PT4H" };
      ship.escalations = [{ after: "P1D", action: "notify", to: { type: "user", user: "boss" } }];
    });
    expect(diff.steps.changed[0]!.changes).toEqual([
      { aspect: "assignment", label: "Who does it", before: 'group "shipping"', after: 'group "logistics" (round robin)' },
      { aspect: "due", label: "Due", before: "2 days", after: "4 hours" },
      { aspect: "escalations", label: "Escalations", before: "none", after: 'notify user "boss" after 1 day' },
    ]);
  });

  it("tells a changed condition on the connection and on the decision it leaves", () => {
    const diff = versions((d) => {
      d.connections.find((c) => c.id === "c-converted")!.condition = 'outcome = "converted" and amount > 0';
    });
    expect(diff.connections.changed).toEqual([
      expect.objectContaining({ id: "c-converted", changes: ["condition"], after: expect.objectContaining({ condition: 'outcome = "converted" and amount > 0' }) }),
    ]);
    const outcome = diff.steps.changed.find((s) => s.id === "outcome")!;
    expect(outcome.changes.map((c) => c.aspect)).toEqual(["conditions"]);
    expect(outcome.changes[0]!.after).toContain('amount > 0 → Fulfil');
  });

  it("tells a connection moved to another target and a new default path", () => {
    const diff = versions((d) => {
      const again = d.connections.find((c) => c.id === "c-again")!;
      again.isDefault = false;
      again.condition = 'outcome = "callAgain"';
      const lost = d.connections.find((c) => c.id === "c-lost")!;
      lost.target = "customer";
      lost.condition = undefined;
      lost.isDefault = true;
    });
    const byId = Object.fromEntries(diff.connections.changed.map((c) => [c.id, c.changes]));
    expect(byId["c-again"]).toEqual(["condition", "default"]);
    expect(byId["c-lost"]).toEqual(["target", "condition", "default"]);
    // "Lost" no longer has a way in, which the diff reports as the decision's next steps.
    expect(diff.steps.changed.find((s) => s.id === "outcome")!.changes.map((c) => c.aspect)).toEqual(["conditions", "nextSteps"]);
  });

  it("lists form fields added, removed, retyped and required switched, per step", () => {
    const diff = versions((d) => {
      const form = step<"userTask">(d, "call-back").form;
      form.blocks = form.blocks.filter((b) => b.id !== "f-call-again");
      form.blocks.push({ id: "f-prio", type: "select", key: "priority", label: "Priority", required: false, options: [{ value: "h", label: "High" }] });
      const amount = form.blocks.find((b) => b.id === "f-amount")!;
      Object.assign(amount, { type: "currency", currency: "EUR" });
      const outcome = form.blocks.find((b) => b.id === "f-outcome")!;
      Object.assign(outcome, { required: false });
    });
    expect(diff.forms).toEqual([
      {
        step: { id: "call-back", name: "Call back", kind: "userTask" },
        added: [{ key: "priority", label: "Priority", type: "select", required: false }],
        removed: [{ key: "callAgainOn", label: "Call again on", type: "date", required: false }],
        retyped: [{ key: "amount", label: "Order amount", before: "number", after: "currency" }],
        requiredChanged: [{ key: "outcome", label: "Outcome", before: true, after: false }],
      },
    ]);
    expect(diff.steps.changed[0]!.changes).toEqual([
      expect.objectContaining({ aspect: "form", after: "1 field added, 1 field removed, 1 field retyped, 1 field changes whether it is required" }),
    ]);
    // call-back maps its outputs explicitly, so a new field writes no new variable.
    expect(diff.variables).toEqual({ added: [], removed: [] });
  });

  it("counts a table's columns as fields", () => {
    const diff = versions((d) => {
      const ship = step<"userTask">(d, "ship");
      ship.form.blocks.push({ id: "f-parcels", type: "table", key: "parcels", label: "Parcels", required: false, columns: [{ id: "c1", type: "number", key: "kg", label: "Weight", required: true }] } as never);
    });
    expect(diff.forms[0]!.added.map((f) => f.key)).toEqual(["parcels", "parcels.kg"]);
    expect(diff.variables.added).toEqual(["parcels"]);
  });

  it("lists other settings by name, and process-level changes", () => {
    const diff = versions((d) => {
      d.name = "Lead to loyal customer";
      d.timeZone = "UTC";
      const start = step<"start">(d, "start");
      start.starters = ["service-desk", "sales"];
    });
    expect(diff.process.map((c) => c.label)).toEqual(["Process name", "Time zone"]);
    expect(diff.steps.changed[0]!.changes).toEqual([
      { aspect: "setting", label: "Who may start", before: '["service-desk"]', after: '["service-desk","sales"]' },
    ]);
  });

  it("puts markers on both diagrams", () => {
    const diff = versions((d) => {
      d.steps = d.steps.filter((s) => s.id !== "lost");
      d.steps.push({ id: "lost2", kind: "end", name: "Gone", position: { x: 1, y: 1 } });
      d.connections.find((c) => c.id === "c-lost")!.target = "lost2";
      step(d, "ship").name = "Ship";
    });
    expect(diffMarkers(diff)).toEqual({
      from: { lost: "removed", ship: "changed", "c-lost": "changed", outcome: "changed" },
      to: { lost2: "added", ship: "changed", "c-lost": "changed", outcome: "changed" },
    });
  });
});
