import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("connection.update", () => {
  it("changes label and condition; undo restores them", () => {
    const after = expectUndoRedo(sampleProcess(), "connection.update", {
      id: "c-yes",
      changes: { label: "Bought", condition: 'outcome = "bought"' },
    });
    expect(after.connections.find((c) => c.id === "c-yes")).toMatchObject({ label: "Bought", condition: 'outcome = "bought"' });
  });

  it("removes a label with undefined, and refuses to re-point a connection", () => {
    const after = expectUndoRedo(sampleProcess(), "connection.update", { id: "c-no", changes: { label: undefined } });
    expect("label" in after.connections.find((c) => c.id === "c-no")!).toBe(false);
    const stack = createEditor(sampleProcess());
    expect(() => stack.execute("connection.update", { id: "c-no", changes: { target: "won" } as never })).toThrow(/target/);
  });
});
