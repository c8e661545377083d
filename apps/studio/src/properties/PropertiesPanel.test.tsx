// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { ProcessDefinition } from "@baton/model";
import { afterEach, describe, expect, it } from "vitest";
import { createDesignerActions } from "../designer/designer-actions.ts";
import { createEditor } from "../editor/create-editor.ts";
import type { ElementSelection } from "../process/selection.ts";
import { sampleProcess } from "../test/sample-process.ts";
import { PropertiesPanel } from "./PropertiesPanel.tsx";

afterEach(cleanup);

const directory = {
  users: [{ username: "sam", displayName: "Sam Sales" }],
  groups: [
    { key: "sales", name: "Sales" },
    { key: "service-desk", name: "Service desk" },
  ],
};

/** The panel on a real command stack: what it commits is what the stack holds. */
function renderPanel(selection: ElementSelection, definition: ProcessDefinition = sampleProcess()) {
  const stack = createEditor(definition);
  const actions = createDesignerActions({
    stack,
    getSelection: () => selection,
    select: () => {},
    notify: () => {},
    stepDefaults: () => ({ processKey: "other" }),
    viewportCentre: () => ({ x: 0, y: 0 }),
  });
  const view = () => (
    <PropertiesPanel definition={stack.definition} selection={selection} problems={[]} directory={directory} onSelect={() => {}} actions={actions} />
  );
  const utils = render(view());
  stack.subscribe(() => utils.rerender(view()));
  return { stack, panel: screen.getByRole("complementary", { name: "Properties" }) };
}

describe("PropertiesPanel (editable)", () => {
  it("commits a name when the field is left, as one undoable command", () => {
    const { stack, panel } = renderPanel({ steps: ["callBack"], connections: [] });
    const name = within(panel).getByRole("textbox", { name: "Name" });
    fireEvent.change(name, { target: { value: "Ring the prospect" } });
    expect(stack.canUndo()).toBe(false);
    fireEvent.blur(name);
    expect(stack.definition.steps[1]!.name).toBe("Ring the prospect");
    stack.undo();
    expect((within(panel).getByRole("textbox", { name: "Name" }) as HTMLInputElement).value).toBe("Call back the prospect");
  });

  it("assigns from the directory, and changing the kind waits for a value", () => {
    const { stack, panel } = renderPanel({ steps: ["callBack"], connections: [] });
    fireEvent.click(within(panel).getByRole("radio", { name: "User" }));
    expect(stack.canUndo()).toBe(false);
    fireEvent.change(within(panel).getByRole("combobox", { name: "User" }), { target: { value: "sam" } });
    expect(stack.definition.steps[1]).toMatchObject({ assignment: { type: "user", user: "sam" } });
    expect(within(panel).getByText("Sam Sales (sam)", { selector: "p" })).toBeTruthy();
  });

  it("lets a group task be handed out in turn or to the least busy, each choice one undoable command", () => {
    const { stack, panel } = renderPanel({ steps: ["callBack"], connections: [] });
    const assignment = () => (stack.definition.steps[1] as { assignment: unknown }).assignment;
    const handOut = () => within(panel).getByRole("combobox", { name: "Hand out" }) as HTMLSelectElement;
    expect(assignment()).toEqual({ type: "group", group: "sales" });
    expect(handOut().value).toBe("claim");

    fireEvent.change(handOut(), { target: { value: "roundRobin" } });
    expect(assignment()).toEqual({ type: "group", group: "sales", strategy: "roundRobin" });
    expect(within(panel).getByText("Each member of Sales (sales) in turn")).toBeTruthy();
    // Another group keeps the strategy; "claim" is stored as no strategy.
    fireEvent.change(within(panel).getByRole("combobox", { name: "Group" }), { target: { value: "service-desk" } });
    expect(assignment()).toEqual({ type: "group", group: "service-desk", strategy: "roundRobin" });
    fireEvent.change(handOut(), { target: { value: "leastLoaded" } });
    fireEvent.change(handOut(), { target: { value: "claim" } });
    expect(assignment()).toEqual({ type: "group", group: "service-desk" });

    stack.undo();
    expect(assignment()).toEqual({ type: "group", group: "service-desk", strategy: "leastLoaded" });
    expect(handOut().value).toBe("leastLoaded");
    stack.undo();
    stack.undo();
    stack.undo();
    expect(assignment()).toEqual({ type: "group", group: "sales" });

    // Only a user task hands out: a user assignment has no such choice.
    fireEvent.click(within(panel).getByRole("radio", { name: "User" }));
    fireEvent.change(within(panel).getByRole("combobox", { name: "User" }), { target: { value: "sam" } });
    expect(within(panel).queryByRole("combobox", { name: "Hand out" })).toBeNull();
  });

  it("does not pass a task's hand-out strategy on to its escalation's recipient", () => {
    const { stack, panel } = renderPanel({ steps: ["callBack"], connections: [] });
    fireEvent.change(within(panel).getByRole("combobox", { name: "Hand out" }), { target: { value: "roundRobin" } });
    const add = () => within(panel).getByRole("button", { name: "Add escalation level" });
    fireEvent.click(add());
    fireEvent.click(add());
    expect((stack.definition.steps[1] as { escalations?: unknown[] }).escalations![1]).toEqual({ after: "P1D", action: "notify", to: { type: "group", group: "sales" } });
  });

  it("checks a condition's FEEL as it is typed, and keeps what was typed", () => {
    const { stack, panel } = renderPanel({ steps: [], connections: ["c-yes"] });
    const condition = within(panel).getByRole("textbox", { name: "Condition" });
    fireEvent.change(condition, { target: { value: 'outcome == "converted"' } });
    expect(within(panel).getByText(/compare with a single =/)).toBeTruthy();
    fireEvent.change(condition, { target: { value: 'outcome = "won"' } });
    expect(within(panel).getByText(/Valid FEEL/)).toBeTruthy();
    fireEvent.keyDown(condition, { key: "Enter" });
    expect(stack.definition.connections.find((c) => c.id === "c-yes")!.condition).toBe('outcome = "won"');
  });

  it("adds a field whose key follows its label, and refuses a key another field has", () => {
    const { stack, panel } = renderPanel({ steps: ["callBack"], connections: [] });
    fireEvent.click(within(panel).getByRole("button", { name: "Add field" }));
    const label = within(panel).getByRole("textbox", { name: "Label" });
    fireEvent.change(label, { target: { value: "Call notes" } });
    fireEvent.blur(label);
    const fields = (stack.definition.steps[1] as { form: { blocks: { key: string }[] } }).form.blocks;
    expect(fields.map((f) => f.key)).toEqual(["outcome", "callNotes"]);
    const key = within(panel).getByRole("textbox", { name: "Key" });
    fireEvent.change(key, { target: { value: "outcome" } });
    expect(within(panel).getByRole("alert").textContent).toBe("Another field of this form already uses “outcome”.");
    fireEvent.blur(key);
    expect((stack.definition.steps[1] as { form: { blocks: { key: string }[] } }).form.blocks[1]!.key).toBe("callNotes");
  });

  it("adds escalation levels once the task has a due date; each change is one undoable command", () => {
    const { stack, panel } = renderPanel({ steps: ["callBack"], connections: [] });
    const task = () => stack.definition.steps[1] as { due?: unknown; escalations?: unknown[] };
    const add = () => within(panel).getByRole("button", { name: "Add escalation level" });
    if (task().due) {
      fireEvent.change(within(panel).getByRole("combobox", { name: "Due" }), { target: { value: "none" } });
    }
    expect((add() as HTMLButtonElement).disabled).toBe(true);
    expect(within(panel).getByText(/Choose a due date first/)).toBeTruthy();

    fireEvent.change(within(panel).getByRole("combobox", { name: "Due" }), { target: { value: "endOfDay" } });
    fireEvent.click(add());
    expect(task().escalations).toEqual([{ after: "PT0S", action: "remind" }]);
    fireEvent.click(add());
    // The second level alerts the task's own assignee until another is chosen.
    expect(task().escalations![1]).toEqual({ after: "P1D", action: "notify", to: { type: "group", group: "sales" } });
    fireEvent.change(within(panel).getByRole("combobox", { name: "What happens (level 2)" }), { target: { value: "reassign" } });
    fireEvent.change(within(panel).getByRole("combobox", { name: "When (level 2)" }), { target: { value: "P2D" } });
    expect(task().escalations![1]).toEqual({ after: "P2D", action: "reassign", to: { type: "group", group: "sales" } });

    const before = structuredClone(stack.definition);
    fireEvent.click(within(panel).getByRole("button", { name: "Remove escalation level 1" }));
    expect(task().escalations).toEqual([{ after: "P2D", action: "reassign", to: { type: "group", group: "sales" } }]);
    stack.undo();
    expect(stack.definition).toEqual(before);
  });

  it("e-mails people outside Baton from a FEEL expression, checked as typed, and clears it when emptied", () => {
    const base = sampleProcess();
    const tell = { id: "tell", kind: "notify", name: "Tell the applicant", position: { x: 0, y: 0 }, recipients: { type: "group", group: "sales" }, subject: "Approved", message: "" } as const;
    const { stack, panel } = renderPanel({ steps: ["tell"], connections: [] }, { ...base, steps: [...base.steps, tell] });
    const emailTo = within(panel).getByRole("textbox", { name: "Also e-mail to (people outside Baton)" });
    fireEvent.change(emailTo, { target: { value: "[email," } });
    expect(within(panel).getByRole("status").textContent).toMatch(/./);
    fireEvent.change(emailTo, { target: { value: "[email, partnerEmail]" } });
    fireEvent.blur(emailTo);
    expect(stack.definition.steps.find((s) => s.id === "tell")).toMatchObject({ emailTo: "[email, partnerEmail]" });
    fireEvent.change(emailTo, { target: { value: "  " } });
    fireEvent.blur(emailTo);
    expect(stack.definition.steps.find((s) => s.id === "tell")).not.toHaveProperty("emailTo");
  });

  it("is read-only without actions (a published version)", () => {
    render(<PropertiesPanel definition={sampleProcess()} selection={{ steps: ["callBack"], connections: [] }} problems={[]} onSelect={() => {}} />);
    const name = screen.getByRole("textbox", { name: "Name" }) as HTMLInputElement;
    expect(name.readOnly).toBe(true);
    expect(screen.queryByRole("button", { name: "Add field" })).toBeNull();
  });
});
