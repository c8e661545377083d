import { describe, expect, it } from "vitest";
import type { BlockInput } from "@baton/model";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

const block: BlockInput = {
  schemaVersion: 1,
  key: "manager-ok",
  name: "Manager OK",
  steps: [
    { id: "ask", kind: "userTask", name: "Ask the manager", position: { x: 0, y: 0 }, assignment: { type: "group", group: "sales" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Done", position: { x: 260, y: 22 } },
  ],
  connections: [{ id: "c", source: "ask", target: "done" }],
};

describe("block.insert", () => {
  it("inserts the block's steps and connections and records its version; undo takes all back", () => {
    const after = expectUndoRedo(sampleProcess(), "block.insert", { block, version: 2, at: { x: 100, y: 500 } });
    expect(after.steps.slice(-2).map((s) => [s.id, s.position])).toEqual([
      ["manager-ok_1_ask", { x: 100, y: 500 }],
      ["manager-ok_1_done", { x: 360, y: 522 }],
    ]);
    expect(after.connections.at(-1)).toEqual({ id: "manager-ok_1_c", source: "manager-ok_1_ask", target: "manager-ok_1_done" });
    expect(after.usedBlocks).toEqual([{ key: "manager-ok", version: 2 }]);
  });

  it("a second insert of the same version gets new ids and records the version once", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("block.insert", { block, version: 2, at: { x: 0, y: 0 } });
    const once = structuredClone(stack.definition);
    stack.execute("block.insert", { block, version: 2, at: { x: 0, y: 200 } });
    expect(stack.definition.steps.at(-1)!.id).toBe("manager-ok_2_done");
    expect(stack.definition.usedBlocks).toHaveLength(1);
    stack.undo();
    expect(stack.definition).toStrictEqual(once);
  });
});
