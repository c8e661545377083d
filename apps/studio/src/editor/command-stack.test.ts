import { describe, expect, it, vi } from "vitest";
import { sampleProcess } from "../test/sample-process.ts";
import { CommandStack } from "./command-stack.ts";
import type { CommandHandler } from "./command-handler.ts";
import { createEditor } from "./create-editor.ts";

const move = (id: string, x: number, y = 0) => ({ moves: [{ id, position: { x, y } }] });
const positionOf = (stack: { definition: ReturnType<typeof sampleProcess> }, id: string) =>
  stack.definition.steps.find((s) => s.id === id)!.position;

describe("CommandStack", () => {
  it("undoes and redoes in order, and a new command clears the redo stack", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("step.move", move("won", 1));
    stack.execute("step.move", move("won", 2));
    stack.undo();
    expect(positionOf(stack, "won").x).toBe(1);
    stack.undo();
    expect(stack.definition).toStrictEqual(sampleProcess());
    expect(stack.canUndo()).toBe(false);
    stack.redo();
    expect(positionOf(stack, "won").x).toBe(1);
    stack.execute("step.move", move("won", 3));
    expect(stack.canRedo()).toBe(false);
    stack.undo();
    expect(positionOf(stack, "won").x).toBe(1);
  });

  it("makes a command and the commands its behaviors run one undo step", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("step.delete", { ids: ["decision"] });
    expect(stack.definition.connections.map((c) => c.id)).toEqual(["c1", "c3"]);
    stack.undo();
    expect(stack.definition).toStrictEqual(sampleProcess());
    expect(stack.canUndo()).toBe(false);
  });

  it("groups several commands into one undo step with the group's label", () => {
    const stack = createEditor(sampleProcess());
    stack.group("Delete", () => {
      stack.execute("connection.delete", { ids: ["c3"] });
      stack.execute("step.delete", { ids: ["lost"] });
    });
    expect(stack.undoLabel()).toBe("Delete");
    stack.undo();
    expect(stack.definition).toStrictEqual(sampleProcess());
    stack.redo();
    expect(stack.definition.steps).toHaveLength(5);
    expect(stack.definition.connections).toHaveLength(4);
    expect(stack.redoLabel()).toBeNull();
  });

  it("takes back the whole operation when one of its commands fails", () => {
    const stack = createEditor(sampleProcess());
    expect(() =>
      stack.group("Broken", () => {
        stack.execute("step.move", move("won", 5));
        stack.execute("step.delete", { ids: ["not-there"] });
      }),
    ).toThrow(/no step "not-there"/);
    expect(stack.definition).toStrictEqual(sampleProcess());
    expect(stack.canUndo()).toBe(false);
  });

  it("records nothing for a command that changes nothing", () => {
    const listener = vi.fn();
    const stack = createEditor(sampleProcess());
    stack.subscribe(listener);
    stack.execute("step.update", { id: "won", changes: { name: "Customer won" } });
    expect(stack.canUndo()).toBe(false);
    expect(listener).not.toHaveBeenCalled();
  });

  it("tells listeners about every change, and stops when unsubscribed", () => {
    const listener = vi.fn();
    const stack = createEditor(sampleProcess());
    const stop = stack.subscribe(listener);
    stack.execute("step.move", move("won", 1));
    stack.undo();
    stack.redo();
    expect(listener.mock.calls.map((c) => c[0])).toEqual(["execute", "undo", "redo"]);
    stop();
    stack.undo();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it("knows whether the draft changed since it was saved, across undo and redo", () => {
    const stack = createEditor(sampleProcess());
    expect(stack.isDirty()).toBe(false);
    stack.execute("step.move", move("won", 1));
    expect(stack.isDirty()).toBe(true);
    const saving = stack.revision;
    stack.execute("step.move", move("won", 2));
    stack.markSaved(saving); // the save that started before the second move
    expect(stack.isDirty()).toBe(true);
    stack.undo();
    expect(stack.isDirty()).toBe(false);
    stack.undo();
    expect(stack.isDirty()).toBe(true);
    stack.redo();
    expect(stack.isDirty()).toBe(false);
  });

  it("reset starts over clean, with nothing to undo", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("step.move", move("won", 1));
    const fresh = sampleProcess();
    fresh.name = "Reloaded";
    stack.reset(fresh);
    expect(stack.definition).toBe(fresh);
    expect([stack.canUndo(), stack.canRedo(), stack.isDirty()]).toEqual([false, false, false]);
  });

  it("keeps its own copy of the params: a caller changing them later changes nothing", () => {
    const stack = createEditor(sampleProcess());
    const params = move("won", 7);
    stack.execute("step.move", params);
    params.moves[0]!.position.x = 99;
    stack.undo();
    stack.redo();
    expect(positionOf(stack, "won").x).toBe(7);
  });

  it("refuses unknown commands and handlers registered twice", () => {
    const handler: CommandHandler<object, null> = { execute: (d) => ({ definition: d, undo: null }), revert: (d) => d };
    const stack = new CommandStack<{ "x.do": object }>(sampleProcess());
    stack.register("x.do", handler);
    expect(() => stack.register("x.do", handler)).toThrow(/registered twice/);
    expect(() => (stack as unknown as CommandStack<{ "y.do": object }>).execute("y.do", {})).toThrow(/y.do: no such command/);
  });
});
