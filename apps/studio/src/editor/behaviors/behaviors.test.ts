import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";

const connection = (d: ReturnType<typeof sampleProcess>, id: string) => d.connections.find((c) => c.id === id)!;

describe("delete-step-connections", () => {
  it("deletes every connection in or out of a deleted step, in the same undo step", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("step.delete", { ids: ["callBack"] });
    expect(stack.definition.connections.map((c) => c.id)).toEqual(["c-yes", "c-no", "c3"]);
    stack.undo();
    expect(stack.definition).toStrictEqual(sampleProcess());
  });
});

describe("single-default", () => {
  it("making a connection the default un-defaults its siblings; undo restores both", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("connection.update", { id: "c-yes", changes: { isDefault: true } });
    expect(connection(stack.definition, "c-yes").isDefault).toBe(true);
    expect("isDefault" in connection(stack.definition, "c-no")).toBe(false);
    stack.undo();
    expect(stack.definition).toStrictEqual(sampleProcess());
  });

  it("a new default connection does the same", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("connection.add", { connection: { id: "f1", source: "decision", target: "won", isDefault: true } });
    expect(stack.definition.connections.filter((c) => c.isDefault).map((c) => c.id)).toEqual(["f1"]);
  });

  it("deleting the default clears nothing else", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("connection.delete", { ids: ["c-no"] });
    const expected = sampleProcess();
    expected.connections = expected.connections.filter((c) => c.id !== "c-no");
    expect(stack.definition).toStrictEqual(expected);
  });
});

describe("unconditioned-becomes-default", () => {
  it("a decision without default: removing a way's condition makes it the default", () => {
    const def = sampleProcess();
    def.connections = def.connections.filter((c) => c.id !== "c-no");
    const stack = createEditor(def);
    stack.execute("connection.update", { id: "c-again", changes: { condition: undefined } });
    expect(connection(stack.definition, "c-again").isDefault).toBe(true);
    stack.undo();
    expect(stack.definition).toStrictEqual(def);
  });

  it("with a default already there, the way just loses its condition", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("connection.update", { id: "c-again", changes: { condition: undefined } });
    expect(connection(stack.definition, "c-again").isDefault).toBeUndefined();
    expect(connection(stack.definition, "c-no").isDefault).toBe(true);
  });
});
