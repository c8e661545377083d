import { describe, expect, it } from "vitest";
import { leadToCustomer } from "../fixtures/lead-to-customer.ts";
import { processDefinitionSchema, type ProcessDefinition } from "../process-definition.ts";
import { diffPackages } from "./diff-packages.ts";
import { describeDuration } from "./readable-values.ts";
import { releaseNoteOf } from "./release-note.ts";

function noteFor(edit: (d: ProcessDefinition) => void): string {
  const v1 = processDefinitionSchema.parse(leadToCustomer());
  const v2 = processDefinitionSchema.parse(leadToCustomer());
  edit(v2);
  return releaseNoteOf(diffPackages(v1, v2));
}

describe("releaseNoteOf", () => {
  it("says when nothing or only the layout changed", () => {
    expect(noteFor(() => {})).toBe("No changes to the process.");
    expect(noteFor((d) => (d.steps[1]!.position = { x: 1, y: 99 }))).toBe("Only the layout of the diagram changed.");
  });

  it("tells each kind of change once, in the canvas's words", () => {
    const note = noteFor((d) => {
      d.steps = d.steps.filter((s) => s.id !== "welcome");
      d.connections = d.connections.filter((c) => c.id !== "c-welcome" && c.id !== "c-welcomed");
      d.steps.push({ id: "review", kind: "approval", name: "Manager review", position: { x: 0, y: 0 }, approvers: { type: "user", user: "boss" }, fourEyes: true, resultVariable: "approval" });
      d.connections.push({ id: "c-review", source: "split", target: "review" }, { id: "c-reviewed", source: "review", target: "join" });
      const ship = d.steps.find((s) => s.id === "ship")!;
      if (ship.kind !== "userTask") throw new Error("fixture changed");
      ship.name = "Ship the order";
      ship.due = { type: "endOfDay", days: 1 };
      ship.form.blocks.push({ id: "f-carrier", type: "text", key: "carrier", label: "Carrier", required: true });
      d.connections.find((c) => c.id === "c-converted")!.condition = 'outcome = "won"';
    });
    expect(note.split("\n")).toEqual([
      '- Added approval "Manager review".',
      '- Removed task "Welcome call".',
      '- Changed task "Ship the order": renamed from "Ship order"; due 2 days → end of the day + 1 day.',
      '- Form of task "Ship the order": new field "Carrier" (text, required).',
      '- New connection from "Fulfil" to "Manager review".',
      '- New connection from "Manager review" to "Both done".',
      '- Removed the connection from "Fulfil" to "Welcome call".',
      '- Removed the connection from "Welcome call" to "Both done".',
      '- Changed the connection from "Outcome?" to "Fulfil": condition outcome = "converted" → outcome = "won".',
      "- New variables: approval, carrier.",
      "- Variables no longer written: happy.",
    ]);
  });

  it("reads ISO durations as words", () => {
    expect(describeDuration("P1DT4H30M")).toBe("1 day 4 hours 30 minutes");
    expect(describeDuration("P2W")).toBe("2 weeks");
    expect(describeDuration("soon")).toBe("soon");
  });
});

describe("releaseNoteOf, connections that move", () => {
  it("says where a connection now leads, or comes from", () => {
    const note = noteFor((d) => {
      d.connections.find((c) => c.id === "c-lost")!.target = "customer";
      d.connections.find((c) => c.id === "c-end")!.source = "split";
    });
    expect(note.split("\n")).toEqual([
      '- Changed the connection from "Outcome?" to "Lost": now leads to "Customer".',
      '- Changed the connection from "Both done" to "Customer": now comes from "Fulfil".',
    ]);
  });
});
