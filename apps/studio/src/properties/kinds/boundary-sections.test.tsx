// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { processDefinitionSchema, validate, type BoundaryEventStep, type ProcessDefinition } from "@baton/model";
import { afterEach, describe, expect, it } from "vitest";
import { createDesignerActions } from "../../designer/designer-actions.ts";
import { createBoundaryEvent } from "../../editor/boundary-factory.ts";
import { createEditor } from "../../editor/create-editor.ts";
import { canConnect } from "../../editor/rules.ts";
import type { ElementSelection, Selection } from "../../process/selection.ts";
import { PropertiesPanel } from "../PropertiesPanel.tsx";

afterEach(cleanup);

function review(): ProcessDefinition {
  return processDefinitionSchema.parse({
    schemaVersion: 1,
    key: "review",
    name: "Review",
    steps: [
      { id: "start", kind: "start", name: "Start", position: { x: 0, y: 20 } },
      { id: "check", kind: "userTask", name: "Check the invoice", position: { x: 100, y: 0 }, assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [] } },
      { id: "remind", kind: "notify", name: "Remind", position: { x: 100, y: 200 }, recipients: { type: "expression", expression: "initiator" }, subject: "Late", message: "" },
      { id: "end", kind: "end", name: "Done", position: { x: 400, y: 20 } },
    ],
    connections: [
      { id: "c1", source: "start", target: "check" },
      { id: "c2", source: "check", target: "end" },
    ],
  });
}

/** The properties panel on a real editor; selecting (a list item, "Sits on") shows the selected step's panel. */
function renderPanel(stepId: string, definition = review()) {
  const stack = createEditor(definition);
  let selection: ElementSelection = { steps: [stepId], connections: [] };
  const view = () => <PropertiesPanel definition={stack.definition} selection={selection} problems={[]} onSelect={select} actions={actions} />;
  const selectAll = (next: ElementSelection) => {
    selection = next;
    utils.rerender(view());
  };
  const select = (target: Selection) => selectAll(target ? { steps: target.type === "step" ? [target.id] : [], connections: target.type === "connection" ? [target.id] : [] } : { steps: [], connections: [] });
  const actions = createDesignerActions({ stack, getSelection: () => selection, select: () => {}, notify: () => {}, stepDefaults: () => ({ processKey: "review" }), viewportCentre: () => ({ x: 0, y: 0 }) });
  const utils = render(view());
  stack.subscribe(() => utils.rerender(view()));
  return { stack, actions, panel: () => screen.getByRole("complementary", { name: "Properties" }), selection: () => selection };
}

const boundaries = (definition: ProcessDefinition) => definition.steps.filter((s): s is BoundaryEventStep => s.kind === "boundaryEvent");

describe("events on a step's border", () => {
  it("adds a deadline and an error catch onto a task's bottom edge, each as one undo step, and lists them", () => {
    const { stack, panel } = renderPanel("check");
    const section = () => within(panel()).getByRole("heading", { name: "Events on this step" }).parentElement!;
    expect(section().textContent).toContain("None yet");

    fireEvent.click(within(section()).getByRole("button", { name: "Add a deadline (timer)" }));
    fireEvent.click(within(section()).getByRole("button", { name: "Add an error catch" }));
    const [deadline, onError] = boundaries(stack.definition);
    expect(deadline).toMatchObject({ id: "event1", name: "Deadline", attachedTo: "check", interrupting: true, trigger: { type: "timer", timer: { type: "duration", duration: "P1D" } } });
    expect(onError).toMatchObject({ id: "event2", name: "On error", attachedTo: "check", interrupting: true, trigger: { type: "error" } });
    // Centred on the task's bottom edge (task 200 × 80 at 100,0; events 36 across), side by side.
    expect(deadline!.position).toEqual({ x: 122, y: 62 });
    expect(onError!.position).toEqual({ x: 172, y: 62 });

    const items = within(section()).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(["Deadlineafter 1 day; stops the step", "On erroron any error; stops the step"]);

    stack.undo();
    expect(boundaries(stack.definition).map((b) => b.id)).toEqual(["event1"]);
    stack.undo();
    expect(boundaries(stack.definition)).toEqual([]);
  });

  it("edits a deadline: the time span is checked as typed, a repetition lets the task go on, an error always interrupts", () => {
    const definition = review();
    const task = definition.steps.find((s) => s.id === "check")!;
    const view = renderPanel("event1", { ...definition, steps: [...definition.steps, createBoundaryEvent(definition, task, "event1", "timer")] });
    const p = view.panel();
    expect(within(p).getByRole("button", { name: "Check the invoice" })).toBeTruthy();

    const span = within(p).getByRole("textbox", { name: "Time span (ISO 8601)" });
    fireEvent.change(span, { target: { value: "two days" } });
    expect(p.textContent).toContain("Use an ISO 8601 duration");
    fireEvent.blur(span);
    expect(boundaries(view.stack.definition)[0]!.trigger).toEqual({ type: "timer", timer: { type: "duration", duration: "P1D" } });
    fireEvent.change(span, { target: { value: "P2D" } });
    expect(p.textContent).toContain("Goes off when the step has run for 2 days.");
    fireEvent.blur(span);
    expect(boundaries(view.stack.definition)[0]!.trigger).toEqual({ type: "timer", timer: { type: "duration", duration: "P2D" } });

    const interrupts = within(p).getByRole("checkbox", { name: "Interrupts Check the invoice" });
    expect(p.textContent).toContain("the step is cancelled");
    fireEvent.click(interrupts);
    expect(boundaries(view.stack.definition)[0]!.interrupting).toBe(false);
    expect(p.textContent).toContain("the step stays open and the request also goes on this way");

    fireEvent.change(within(p).getByRole("combobox", { name: "Goes off" }), { target: { value: "cycle" } });
    const repeats = within(p).getByRole("textbox", { name: "Repeats (ISO 8601)" });
    fireEvent.change(repeats, { target: { value: "hourly" } });
    expect(p.textContent).toContain("Write a repetition such as R3/PT1H");
    fireEvent.change(repeats, { target: { value: "R3/PT1H" } });
    fireEvent.blur(repeats);
    expect(boundaries(view.stack.definition)[0]).toMatchObject({ interrupting: false, trigger: { type: "timer", timer: { type: "cycle", cycle: "R3/PT1H" } } });

    fireEvent.change(within(p).getByRole("combobox", { name: "Goes off" }), { target: { value: "error" } });
    expect(boundaries(view.stack.definition)[0]).toMatchObject({ interrupting: true, trigger: { type: "error" } });
    expect((within(p).getByRole("checkbox", { name: "Interrupts Check the invoice" }) as HTMLInputElement).disabled).toBe(true);
    const code = within(p).getByRole("textbox", { name: "Error code" });
    fireEvent.change(code, { target: { value: " invoice-missing " } });
    fireEvent.blur(code);
    expect(boundaries(view.stack.definition)[0]!.trigger).toEqual({ type: "error", errorCode: "invoice-missing" });
    const variable = within(p).getByRole("textbox", { name: "Keep the error in variable" });
    fireEvent.change(variable, { target: { value: "1st error" } });
    expect(p.textContent).toContain("A variable name starts with a letter");

    view.stack.undo();
    expect(boundaries(view.stack.definition)[0]).toMatchObject({ interrupting: true, trigger: { type: "error" } });
    view.stack.undo();
    expect(boundaries(view.stack.definition)[0]).toMatchObject({ interrupting: false, trigger: { type: "timer", timer: { type: "cycle", cycle: "R3/PT1H" } } });
  });

  it("opens a listed event, and removes one with its connection as one undo step", () => {
    const { stack, actions, panel, selection } = renderPanel("check");
    actions.addBoundary("check", "timer");
    expect(actions.connect("event1", "remind")).toBe(true);
    expect(stack.definition.connections.map((c) => c.source)).toContain("event1");

    fireEvent.click(within(panel()).getByRole("button", { name: "Deadline" }));
    expect(selection()).toEqual({ steps: ["event1"], connections: [] });
    fireEvent.click(within(panel()).getByRole("button", { name: "Check the invoice" }));
    expect(selection()).toEqual({ steps: ["check"], connections: [] });

    fireEvent.click(within(panel()).getByRole("button", { name: "Remove Deadline" }));
    expect(boundaries(stack.definition)).toEqual([]);
    expect(stack.definition.connections.some((c) => c.source === "event1")).toBe(false);
    stack.undo();
    expect(boundaries(stack.definition).map((b) => b.id)).toEqual(["event1"]);
    expect(stack.definition.connections.some((c) => c.source === "event1" && c.target === "remind")).toBe(true);
  });

  it("shows a published version's events without add or remove buttons", () => {
    const definition = review();
    const task = definition.steps.find((s) => s.id === "check")!;
    const withEvent = { ...definition, steps: [...definition.steps, createBoundaryEvent(definition, task, "event1", "error")] };
    render(<PropertiesPanel definition={withEvent} selection={{ steps: ["check"], connections: [] }} problems={[]} onSelect={() => {}} actions={undefined} />);
    const panel = screen.getByRole("complementary", { name: "Properties" });
    const section = within(panel).getByRole("heading", { name: "Events on this step" }).parentElement!;
    expect(within(section).getByRole("listitem").textContent).toBe("On erroron any error; stops the step");
    expect(within(panel).queryByRole("button", { name: /Add a deadline|Add an error catch|Remove/ })).toBeNull();
  });

  it("lets nothing lead into an event, moves and deletes events with their task, and reports one that leads nowhere on it", () => {
    const stack = createEditor(review());
    const actions = createDesignerActions({ stack, getSelection: () => ({ steps: [], connections: [] }), select: () => {}, notify: () => {}, stepDefaults: () => ({ processKey: "review" }), viewportCentre: () => ({ x: 0, y: 0 }) });
    actions.addBoundary("check", "timer");
    expect(canConnect(stack.definition, "remind", "event1")).toMatchObject({ ok: false, reason: expect.stringContaining("the step it sits on sets it off") });
    expect(actions.addBoundary("remind", "timer")).toBe(false);

    const problems = validate(stack.definition).filter((p) => p.stepId === "event1");
    expect(problems.map((p) => p.code)).toContain("step.no-outgoing");

    stack.execute("step.move", { moves: [{ id: "check", position: { x: 140, y: 30 } }] });
    expect(boundaries(stack.definition)[0]!.position).toEqual({ x: 162, y: 92 });
    stack.undo();
    expect(boundaries(stack.definition)[0]!.position).toEqual({ x: 122, y: 62 });

    actions.connect("event1", "remind");
    stack.execute("step.delete", { ids: ["check"] });
    expect(stack.definition.steps.map((s) => s.id)).toEqual(["start", "remind", "end"]);
    expect(stack.definition.connections).toEqual([]);
    stack.undo();
    expect(boundaries(stack.definition).map((b) => b.id)).toEqual(["event1"]);
    expect(stack.definition.connections).toHaveLength(3);
  });
});
