// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { processDefinitionSchema, type MessageCatchStep, type ProcessDefinition, type StartStep } from "@baton/model";
import { afterEach, describe, expect, it } from "vitest";
import { createDesignerActions } from "../../designer/designer-actions.ts";
import { paletteItems } from "../../designer/palette-items.ts";
import { createEditor } from "../../editor/create-editor.ts";
import { connectionRuleFrom } from "../../editor/rules.ts";
import type { ElementSelection } from "../../process/selection.ts";
import { PropertiesPanel } from "../PropertiesPanel.tsx";

afterEach(cleanup);

const at = { x: 0, y: 0 };
function order(): ProcessDefinition {
  return processDefinitionSchema.parse({
    schemaVersion: 1,
    key: "order",
    name: "Order",
    steps: [
      { id: "start", kind: "start", name: "Order", position: at },
      { id: "first", kind: "eventBasedGateway", name: "Paid in time?", position: at },
      { id: "paid", kind: "messageCatch", name: "Payment received", position: at, message: { name: "payment-received", correlationKey: "orderId" } },
      { id: "late", kind: "timer", name: "Two days", position: at, timer: { type: "duration", duration: "P2D" } },
      { id: "ship", kind: "userTask", name: "Ship", position: at, assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [] } },
      { id: "end", kind: "end", name: "Done", position: at },
    ],
    connections: [
      { id: "c1", source: "start", target: "first" },
      { id: "c2", source: "first", target: "paid" },
    ],
  });
}

function renderPanel(stepId: string, definition = order()) {
  const stack = createEditor(definition);
  const selection: ElementSelection = { steps: [stepId], connections: [] };
  const actions = createDesignerActions({ stack, getSelection: () => selection, select: () => {}, notify: () => {}, stepDefaults: () => ({ processKey: "other" }), viewportCentre: () => at });
  const view = () => <PropertiesPanel definition={stack.definition} selection={selection} problems={[]} onSelect={() => {}} actions={actions} />;
  const utils = render(view());
  stack.subscribe(() => utils.rerender(view()));
  return { stack, panel: screen.getByRole("complementary", { name: "Properties" }) };
}

const stepOf = <T,>(definition: ProcessDefinition, id: string) => definition.steps.find((s) => s.id === id) as T;

describe("messages in the studio", () => {
  it("offers the message wait and the event gateway in the palette", () => {
    expect(paletteItems.map((i) => i.label)).toEqual(expect.arrayContaining(["Wait for a message", "First event wins"]));
  });

  it("edits a message wait's name and correlation key, each as one undoable command, and refuses a blank name", () => {
    const { stack, panel } = renderPanel("paid");
    const name = within(panel).getByRole("textbox", { name: "Message name" });
    fireEvent.change(name, { target: { value: "  " } });
    expect(panel.textContent).toContain("Name the message the other system sends.");
    fireEvent.blur(name);
    expect(stepOf<MessageCatchStep>(stack.definition, "paid").message.name).toBe("payment-received");

    fireEvent.change(name, { target: { value: "invoice-paid" } });
    fireEvent.blur(name);
    const key = within(panel).getByRole("textbox", { name: "Correlation key" });
    fireEvent.change(key, { target: { value: "order.number" } });
    fireEvent.blur(key);
    expect(stepOf<MessageCatchStep>(stack.definition, "paid").message).toEqual({ name: "invoice-paid", correlationKey: "order.number" });
    stack.undo();
    expect(stepOf<MessageCatchStep>(stack.definition, "paid").message).toEqual({ name: "invoice-paid", correlationKey: "orderId" });
  });

  it("makes the process start on a message or repeatedly on a timer, with the cycle checked as it is typed", () => {
    const { stack, panel } = renderPanel("start");
    const also = within(panel).getByRole("combobox", { name: "Also starts" });
    fireEvent.change(also, { target: { value: "cycle" } });
    expect(stepOf<StartStep>(stack.definition, "start").trigger).toEqual({ type: "timer", timer: { type: "cycle", cycle: "R/P1D" } });
    const cycle = within(panel).getByRole("textbox", { name: "Timer start cycle" });
    fireEvent.change(cycle, { target: { value: "every hour" } });
    expect(panel.textContent).toContain("Write a repetition such as R/PT1H");
    fireEvent.change(cycle, { target: { value: "R3/PT1H" } });
    expect(panel.textContent).toContain("3 times, every PT1H, the first one period after publishing.");
    fireEvent.blur(cycle);
    expect(stepOf<StartStep>(stack.definition, "start").trigger).toEqual({ type: "timer", timer: { type: "cycle", cycle: "R3/PT1H" } });

    fireEvent.change(within(panel).getByRole("combobox", { name: "Also starts" }), { target: { value: "message" } });
    const message = within(panel).getByRole("textbox", { name: "Start message name" });
    fireEvent.change(message, { target: { value: "lead-received" } });
    fireEvent.blur(message);
    expect(stepOf<StartStep>(stack.definition, "start").trigger).toEqual({ type: "message", message: "lead-received" });

    fireEvent.change(within(panel).getByRole("combobox", { name: "Also starts" }), { target: { value: "none" } });
    expect(stepOf<StartStep>(stack.definition, "start").trigger).toBeUndefined();
  });

  it("lets an event gateway lead only to message waits and timers", () => {
    const rule = connectionRuleFrom(order(), "first");
    expect(rule("late").ok).toBe(true);
    expect(rule("ship")).toMatchObject({ ok: false, reason: expect.stringContaining("come only message waits and waits for a time") });
  });
});
