import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("connection.add", () => {
  it("adds a connection; undo removes it", () => {
    const def = sampleProcess();
    def.connections = def.connections.filter((c) => c.id !== "c3");
    const after = expectUndoRedo(def, "connection.add", { connection: { id: "flow1", source: "enterOrder", target: "won" } });
    expect(after.connections.at(-1)).toEqual({ id: "flow1", source: "enterOrder", target: "won" });
  });

  it("refuses unknown ends and taken ids", () => {
    const stack = createEditor(sampleProcess());
    expect(() => stack.execute("connection.add", { connection: { id: "x", source: "start", target: "nowhere" } })).toThrow(/no step "nowhere"/);
    expect(() => stack.execute("connection.add", { connection: { id: "c1", source: "start", target: "won" } })).toThrow(/"c1" already exists/);
  });
});
