import { describe, expect, test } from "vitest";
import { leadToCustomer } from "../fixtures/lead-to-customer.ts";
import { processDefinitionSchema } from "../process-definition.ts";
import { blockFromSelection } from "./block-from-selection.ts";

const lead = () => processDefinitionSchema.parse(leadToCustomer());

describe("blockFromSelection", () => {
  test("takes the selected steps and only the connections between them", () => {
    const fragment = blockFromSelection(lead(), ["lost", "call-back", "outcome"]);
    // Definition order, not selection order.
    expect(fragment.steps.map((s) => s.id)).toEqual(["call-back", "outcome", "lost"]);
    // c-start (into the selection) and c-converted (out of it) stay behind.
    expect(fragment.connections.map((c) => c.id)).toEqual(["c-call", "c-lost", "c-again"]);
  });

  test("moves the fragment so its top-left corner is at 0,0", () => {
    const definition = lead();
    definition.steps.find((s) => s.id === "outcome")!.position = { x: 400, y: -50 };
    const fragment = blockFromSelection(definition, ["call-back", "outcome", "lost"]);
    expect(fragment.steps.map((s) => s.position)).toEqual([
      { x: 0, y: 50 },
      { x: 200, y: 0 },
      { x: 400, y: 50 },
    ]);
  });

  test("copies: changing the fragment leaves the process as it was", () => {
    const definition = lead();
    const fragment = blockFromSelection(definition, ["call-back"]);
    const task = fragment.steps[0]!;
    if (task.kind !== "userTask") throw new Error("expected the call-back task");
    task.form.blocks.pop();
    task.name = "Changed";
    expect(definition).toEqual(lead());
  });

  test("gives an empty fragment for an empty selection", () => {
    expect(blockFromSelection(lead(), [])).toEqual({ steps: [], connections: [] });
  });

  test("refuses ids that are not steps of the process, naming them", () => {
    expect(() => blockFromSelection(lead(), ["call-back", "c-call", "gone"])).toThrow(
      /"c-call", "gone" are not steps of process "lead-to-customer"/,
    );
  });
});
