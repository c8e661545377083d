// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { processDefinitionSchema, type CallActivityStep, type ProcessDefinition } from "@baton/model";
import { afterEach, describe, expect, it } from "vitest";
import { createDesignerActions } from "../../designer/designer-actions.ts";
import { createEditor } from "../../editor/create-editor.ts";
import type { ElementSelection } from "../../process/selection.ts";
import { PropertiesPanel } from "../PropertiesPanel.tsx";
import type { CallableProcess } from "../properties-context.ts";

afterEach(cleanup);

const at = { x: 0, y: 0 };
function claim(processKey = "assess-damage"): ProcessDefinition {
  return processDefinitionSchema.parse({
    schemaVersion: 1,
    key: "damage-claim",
    name: "Damage claim",
    steps: [
      { id: "start", kind: "start", name: "Claim", position: at },
      { id: "assess", kind: "callActivity", name: "Assess the damage", position: at, processKey, inputs: [{ from: "amount", to: "amount" }], outputs: [] },
      { id: "checks", kind: "subProcess", name: "Checks", position: at },
      { id: "checkStart", kind: "start", name: "Begin checks", position: at, parent: "checks" },
      { id: "police", kind: "userTask", name: "Ask the police", position: at, parent: "checks", assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [] } },
      { id: "empty", kind: "subProcess", name: "Later", position: at },
      { id: "end", kind: "end", name: "Done", position: at },
    ],
    connections: [],
  });
}

const processes: CallableProcess[] = [
  { key: "damage-claim", name: "Damage claim", published: true },
  { key: "fraud-check", name: "Fraud check", published: false },
  { key: "assess-damage", name: "Assess damage", published: true },
  { key: "appraisal", name: "Appraisal", published: true },
];

function renderPanel(stepId: string, definition = claim(), callable: readonly CallableProcess[] = processes) {
  const stack = createEditor(definition);
  const selection: ElementSelection = { steps: [stepId], connections: [] };
  const actions = createDesignerActions({ stack, getSelection: () => selection, select: () => {}, notify: () => {}, stepDefaults: () => ({ processKey: "other" }), viewportCentre: () => at });
  const view = () => <PropertiesPanel definition={stack.definition} selection={selection} problems={[]} onSelect={() => {}} actions={actions} processes={callable} />;
  const utils = render(view());
  stack.subscribe(() => utils.rerender(view()));
  return { stack, panel: screen.getByRole("complementary", { name: "Properties" }) };
}

const callStep = (definition: ProcessDefinition) => definition.steps.find((s): s is CallActivityStep => s.id === "assess")!;

describe("the call activity's properties", () => {
  it("offers the other processes by name, published first, marks one not published, and leaves itself out", () => {
    const { panel } = renderPanel("assess");
    const select = within(panel).getByLabelText("Process") as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(["Appraisal (appraisal)", "Assess damage (assess-damage)", "Fraud check (fraud-check) — not published yet"]);
    expect(select.value).toBe("assess-damage");
    expect(panel.textContent).toContain("Its latest published version runs when the step is reached");
  });

  it("chooses another process as one undoable command, and warns when it is not published", () => {
    const { panel, stack } = renderPanel("assess");
    fireEvent.change(within(panel).getByLabelText("Process"), { target: { value: "fraud-check" } });
    expect(callStep(stack.definition).processKey).toBe("fraud-check");
    expect(panel.textContent).toContain('"Fraud check" has no published version yet; the call stops until it is published.');
    stack.undo();
    expect(callStep(stack.definition).processKey).toBe("assess-damage");
  });

  it("keeps a key no process here has, and says so", () => {
    const { panel } = renderPanel("assess", claim("gone-away"));
    const select = within(panel).getByLabelText("Process") as HTMLSelectElement;
    expect(select.options[0]!.text).toBe("gone-away (no such process here)");
    expect(select.value).toBe("gone-away");
    expect(panel.textContent).toContain("No process with this key exists here yet");
  });

  it("asks for a key when there is no other process to choose", () => {
    const { panel } = renderPanel("assess", claim(), []);
    expect((within(panel).getByLabelText("Process key") as HTMLInputElement).value).toBe("assess-damage");
  });

  it("shows what is passed in and brought back", () => {
    const { panel } = renderPanel("assess");
    expect(within(panel).getByRole("heading", { name: "Passed in" })).toBeTruthy();
    expect(within(panel).getByRole("heading", { name: "Brought back" })).toBeTruthy();
  });
});

describe("the sub-process's properties", () => {
  it("lists the steps inside and says how it runs", () => {
    const { panel } = renderPanel("checks");
    expect(panel.textContent).toContain("2 steps inside");
    expect(within(panel).getAllByText(/^(Begin checks|Ask the police)$/, { selector: "li" }).map((li) => li.textContent)).toEqual(["Begin checks", "Ask the police"]);
    expect(panel.textContent).toContain("when nothing is left running inside, the process goes on from here");
  });

  it("says what to do when nothing is inside yet", () => {
    const { panel } = renderPanel("empty");
    expect(panel.textContent).toContain("Nothing inside yet. Place steps in its box, beginning with a start.");
  });
});
