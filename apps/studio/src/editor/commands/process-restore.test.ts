import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("process.restore", () => {
  it("swaps in a kept copy; undo brings back what was there", () => {
    const kept = sampleProcess();
    kept.name = "My kept copy";
    kept.steps = kept.steps.slice(0, 2);
    kept.connections = kept.connections.slice(0, 1);
    const after = expectUndoRedo(sampleProcess(), "process.restore", { definition: kept });
    expect(after).toStrictEqual(kept);
  });

  it("refuses a copy of another process", () => {
    const other = { ...sampleProcess(), key: "other-process" };
    expect(() => createEditor(sampleProcess()).execute("process.restore", { definition: other })).toThrow(/belongs to "other-process"/);
  });
});
