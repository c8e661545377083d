import { describe, expect, test } from "vitest";
import { leadToCustomer } from "../fixtures/lead-to-customer.ts";
import { processDefinitionSchema, type ProcessDefinition } from "../process-definition.ts";
import { validate } from "../validate.ts";
import { blockFromSelection } from "./block-from-selection.ts";
import type { BlockInput } from "./block-format.ts";
import { insertBlock } from "./insert-block.ts";
import { InvalidBlockError } from "./invalid-block-error.ts";

/** call-back → decision (not interested → lost; default: call again), exit open. */
function callBackBlock(): BlockInput {
  return {
    schemaVersion: 1,
    key: "call-back",
    name: "Call back until decided",
    description: "Calls the prospect until they decide.",
    ...blockFromSelection(processDefinitionSchema.parse(leadToCustomer()), ["call-back", "outcome", "lost"]),
  };
}

/** A process with only a start and an end, to insert into. */
function shell(): ProcessDefinition {
  return processDefinitionSchema.parse({
    schemaVersion: 1,
    key: "shell",
    name: "Shell",
    steps: [
      { id: "start", kind: "start", position: { x: 0, y: 0 } },
      { id: "done", kind: "end", position: { x: 900, y: 0 } },
    ],
    connections: [],
  });
}

const at = { x: 100, y: 300 };

describe("insertBlock", () => {
  test("adds the steps and connections under fresh ids, placed at the drop point", () => {
    const { definition, insertedStepIds, insertedConnectionIds } = insertBlock(shell(), callBackBlock(), { version: 3, at });
    expect(insertedStepIds).toEqual(["call-back_1_call-back", "call-back_1_outcome", "call-back_1_lost"]);
    expect(insertedConnectionIds).toEqual(["call-back_1_c-call", "call-back_1_c-lost", "call-back_1_c-again"]);
    expect(definition.steps.map((s) => [s.id, s.position])).toEqual([
      ["start", { x: 0, y: 0 }],
      ["done", { x: 900, y: 0 }],
      ["call-back_1_call-back", { x: 100, y: 300 }],
      ["call-back_1_outcome", { x: 300, y: 300 }],
      ["call-back_1_lost", { x: 500, y: 300 }],
    ]);
    expect(definition.connections.find((c) => c.id === "call-back_1_c-again")).toEqual({
      id: "call-back_1_c-again",
      source: "call-back_1_outcome",
      target: "call-back_1_call-back",
      label: "Call again",
      isDefault: true,
    });
    expect(definition.usedBlocks).toEqual([{ key: "call-back", version: 3 }]);
    expect(processDefinitionSchema.safeParse(definition).success).toBe(true);
  });

  test("gives a process that is valid once its open ends are connected", () => {
    const { definition } = insertBlock(shell(), callBackBlock(), { version: 1, at });
    definition.connections.push(
      { id: "in", source: "start", target: "call-back_1_call-back" },
      { id: "out", source: "call-back_1_outcome", target: "done", condition: 'outcome = "converted"' },
    );
    expect(validate(definition)).toEqual([]);
  });

  test("changes neither the process nor the block it was given", () => {
    const process = shell();
    const block = callBackBlock();
    const { definition } = insertBlock(process, block, { version: 1, at });
    definition.steps[2]!.name = "Renamed";
    expect(process).toEqual(shell());
    expect(block).toEqual(callBackBlock());
  });

  test("numbers a second copy apart from the first and records each version once", () => {
    const once = insertBlock(shell(), callBackBlock(), { version: 1, at }).definition;
    const twice = insertBlock(once, callBackBlock(), { version: 1, at });
    expect(twice.insertedStepIds[0]).toBe("call-back_2_call-back");
    expect(twice.definition.usedBlocks).toEqual([{ key: "call-back", version: 1 }]);
    const newer = insertBlock(twice.definition, callBackBlock(), { version: 2, at });
    expect(newer.insertedStepIds[0]).toBe("call-back_3_call-back");
    expect(newer.definition.usedBlocks).toEqual([
      { key: "call-back", version: 1 },
      { key: "call-back", version: 2 },
    ]);
  });

  test("skips a number when any of its ids is taken, by a step or a connection", () => {
    const process = shell();
    process.connections.push({ id: "call-back_1_c-lost", source: "start", target: "done" });
    process.steps.push({ id: "call-back_2_lost", kind: "end", name: "", position: { x: 0, y: 0 } });
    expect(insertBlock(process, callBackBlock(), { version: 1, at }).insertedStepIds[0]).toBe("call-back_3_call-back");
  });

  test("refuses a block that would break the process, with its problems", () => {
    const block = callBackBlock();
    block.connections.push({ id: "c-away", source: "outcome", target: "nowhere" });
    const error = (() => {
      try {
        insertBlock(shell(), block, { version: 1, at });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidBlockError);
    expect((error as InvalidBlockError).problems.map((p) => p.code)).toEqual(["connection.unknown-target"]);
    expect((error as Error).message).toMatch(/^Block "call-back" cannot be inserted: .*"nowhere"/);
  });

  test("inserts a block whose problems are not breaking, such as a form issue", () => {
    const block = callBackBlock();
    const task = block.steps[0]!;
    if (task.kind !== "userTask") throw new Error("expected the call-back task");
    task.form.blocks.push({ id: "f-twice", type: "text", key: "outcome", label: "Again", required: false });
    expect(insertBlock(shell(), block, { version: 1, at }).insertedStepIds).toHaveLength(3);
  });

  test("refuses a version that is not a positive whole number", () => {
    expect(() => insertBlock(shell(), callBackBlock(), { version: 0, at })).toThrow(/positive whole number, not 0/);
  });
});
