import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("process.update", () => {
  it("changes name, description and time zone; undo restores them", () => {
    const after = expectUndoRedo(sampleProcess(), "process.update", {
      changes: { name: "Leads", description: "From brochure to order", timeZone: "Europe/Berlin" },
    });
    expect(after).toMatchObject({ name: "Leads", description: "From brochure to order", timeZone: "Europe/Berlin" });
  });

  it("refuses an empty name and the key", () => {
    const stack = createEditor(sampleProcess());
    expect(() => stack.execute("process.update", { changes: { name: "" } })).toThrow(/name would be invalid/);
    expect(() => stack.execute("process.update", { changes: { key: "x" } as never })).toThrow(/key cannot be changed/);
  });
});
