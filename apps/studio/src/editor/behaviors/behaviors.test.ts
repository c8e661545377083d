import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { stepSize } from "../../canvas/node-geometry.ts";
import { createBoundaryEvent } from "../boundary-factory.ts";
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

describe("boundaries-follow-host", () => {
  const withDeadline = () => {
    const definition = sampleProcess();
    const host = definition.steps.find((s) => s.id === "callBack")!;
    definition.steps.push(createBoundaryEvent(definition, host, "late", "timer"));
    return { definition, host, event: definition.steps.at(-1)! };
  };
  const at = (stack: ReturnType<typeof createEditor>, id: string) => stack.definition.steps.find((s) => s.id === id)!.position;

  it("an event moved on its own comes to rest on its step's nearest edge, in the same undo step", () => {
    const { definition, host } = withDeadline();
    const size = stepSize(host);
    const stack = createEditor(definition);
    // Dropped well to the right of the step, half way down: onto the right edge, centred there.
    stack.execute("step.move", { moves: [{ id: "late", position: { x: host.position.x + size.width + 80, y: host.position.y + size.height / 2 - 18 } }] });
    expect(at(stack, "late")).toEqual({ x: host.position.x + size.width - 18, y: Math.round(host.position.y + size.height / 2 - 18) });
    // Dropped inside, near the top: out to the top edge.
    stack.execute("step.move", { moves: [{ id: "late", position: { x: host.position.x + 30, y: host.position.y - 10 } }] });
    expect(at(stack, "late")).toEqual({ x: host.position.x + 30, y: host.position.y - 18 });
    stack.undo();
    stack.undo();
    expect(stack.definition).toStrictEqual(definition);
  });

  it("moving the step carries its events by as much, without snapping them back to where it was", () => {
    const { definition, event } = withDeadline();
    const stack = createEditor(definition);
    const host = at(stack, "callBack");
    stack.execute("step.move", { moves: [{ id: "callBack", position: { x: host.x + 200, y: host.y + 120 } }] });
    expect(at(stack, "late")).toEqual({ x: event.position.x + 200, y: event.position.y + 120 });
    // Both selected and dragged together: each moves once.
    stack.execute("step.move", { moves: [{ id: "callBack", position: { x: host.x, y: host.y } }, { id: "late", position: event.position }] });
    expect(at(stack, "late")).toEqual(event.position);
  });
});
