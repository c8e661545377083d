// @vitest-environment jsdom
import { TRPCClientError } from "@trpc/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ProcessDefinition } from "@baton/model";
import { sampleProcess } from "../test/sample-process.ts";
import { Autosave, type SaveDraft } from "./autosave.ts";
import { createEditor } from "./create-editor.ts";
import { findLocalCopy } from "./local-copies.ts";

/**
 * A draft store with the server's optimistic rule (packages/runtime
 * drafts.ts): a save naming another version than the current one is
 * refused with the contract's CONFLICT error.
 */
function draftStore(version: number) {
  const store = { version, definition: null as ProcessDefinition | null, saves: 0, down: false };
  const save: SaveDraft = async (definition, expectedVersion) => {
    store.saves++;
    if (store.down) throw TRPCClientError.from(new TypeError("Failed to fetch"));
    if (expectedVersion !== store.version) {
      throw TRPCClientError.from({
        error: { code: -32600, message: "x", data: { code: "CONFLICT", httpStatus: 409, baton: { code: "CONFLICT", message: "Saved elsewhere." } } },
      });
    }
    store.version++;
    store.definition = definition;
    return { version: store.version, updatedAt: "2026-01-01T10:00:00.000Z" };
  };
  return { store, save };
}

const move = (x: number) => ({ moves: [{ id: "won", position: { x, y: 0 } }] });

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe("Autosave", () => {
  it("saves once, a second after the last of several edits, with the loaded version", async () => {
    const { store, save } = draftStore(3);
    const stack = createEditor(sampleProcess());
    const autosave = new Autosave({ stack, processKey: "lead-to-customer", version: 3, save, storage: localStorage }).start();
    stack.execute("step.move", move(1));
    vi.advanceTimersByTime(600);
    stack.execute("step.move", move(2));
    expect(autosave.getStatus().state).toBe("pending");
    vi.advanceTimersByTime(999);
    expect(store.saves).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.saves).toBe(1);
    expect(store.definition).toBe(stack.definition);
    expect(autosave.getStatus()).toEqual({ state: "saved", at: "2026-01-01T10:00:00.000Z" });
    expect(autosave.baseVersion).toBe(4);
    expect(stack.isDirty()).toBe(false);
    expect(findLocalCopy(localStorage, "lead-to-customer")).toBeNull();
  });

  it("saves at least every five seconds while the analyst keeps editing", async () => {
    const { store, save } = draftStore(1);
    const stack = createEditor(sampleProcess());
    new Autosave({ stack, processKey: "lead-to-customer", version: 1, save, storage: localStorage }).start();
    for (let i = 1; i <= 12; i++) {
      stack.execute("step.move", move(i));
      await vi.advanceTimersByTimeAsync(500);
    }
    // 6 s of edits half a second apart: one save at the 5 s mark, none waiting for a pause.
    expect(store.saves).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.saves).toBe(2);
    expect(store.definition).toBe(stack.definition);
  });

  it("undoing back to what was saved needs no save", async () => {
    const { store, save } = draftStore(1);
    const stack = createEditor(sampleProcess());
    const autosave = new Autosave({ stack, processKey: "lead-to-customer", version: 1, save, storage: localStorage }).start();
    stack.execute("step.move", move(1));
    stack.undo();
    expect(autosave.getStatus().state).toBe("saved");
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.saves).toBe(0);
  });

  it("a stale save is refused: the work is kept locally, nothing more is sent until the analyst chooses", async () => {
    const { store, save } = draftStore(5); // someone else saved version 5
    const stack = createEditor(sampleProcess());
    const autosave = new Autosave({ stack, processKey: "lead-to-customer", version: 4, save, storage: localStorage }).start();
    stack.execute("step.move", move(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.getStatus()).toEqual({ state: "conflict", message: "Saved elsewhere." });
    const kept = findLocalCopy(localStorage, "lead-to-customer");
    expect(kept?.baseVersion).toBe(4);
    expect(kept?.definition).toStrictEqual(stack.definition);
    stack.execute("step.move", move(2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.saves).toBe(1);
    expect(findLocalCopy(localStorage, "lead-to-customer")?.definition).toStrictEqual(stack.definition);

    await autosave.overwrite(5);
    expect(store.saves).toBe(2);
    expect(store.definition).toBe(stack.definition);
    expect(autosave.getStatus().state).toBe("saved");
    expect(findLocalCopy(localStorage, "lead-to-customer")).toBeNull();
  });

  it("reloading the latest discards this tab's work and starts clean from the server's version", async () => {
    const { save } = draftStore(5);
    const stack = createEditor(sampleProcess());
    const autosave = new Autosave({ stack, processKey: "lead-to-customer", version: 4, save, storage: localStorage }).start();
    stack.execute("step.move", move(1));
    await vi.advanceTimersByTimeAsync(1000);
    const latest = { ...sampleProcess(), name: "Theirs" };
    autosave.reloadLatest(latest, 5, "2026-01-01T09:00:00.000Z");
    expect(stack.definition).toBe(latest);
    expect([stack.canUndo(), stack.isDirty()]).toEqual([false, false]);
    expect(autosave.baseVersion).toBe(5);
    expect(findLocalCopy(localStorage, "lead-to-customer")).toBeNull();
  });

  it("a failed save says so and keeps the work; Retry saves it", async () => {
    const { store, save } = draftStore(1);
    store.down = true;
    const stack = createEditor(sampleProcess());
    const autosave = new Autosave({ stack, processKey: "lead-to-customer", version: 1, save, storage: localStorage }).start();
    stack.execute("step.move", move(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.getStatus()).toMatchObject({ state: "error", message: expect.stringMatching(/could not reach/i) });
    expect(findLocalCopy(localStorage, "lead-to-customer")).not.toBeNull();
    store.down = false;
    await autosave.flush();
    expect(autosave.getStatus().state).toBe("saved");
    expect(store.version).toBe(2);
  });

  it("edits made while a save runs are saved next, against the new version", async () => {
    const { store, save } = draftStore(1);
    let release!: () => void;
    const slow: SaveDraft = (d, v) => new Promise((resolve) => (release = () => resolve(save(d, v))));
    const stack = createEditor(sampleProcess());
    const autosave = new Autosave({ stack, processKey: "lead-to-customer", version: 1, save: slow, storage: localStorage }).start();
    stack.execute("step.move", move(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.getStatus().state).toBe("saving");
    stack.execute("step.move", move(2));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getStatus().state).toBe("pending");
    await vi.advanceTimersByTimeAsync(1000);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.version).toBe(3);
    expect(store.definition).toBe(stack.definition);
    expect(autosave.getStatus().state).toBe("saved");
  });

  it("leaving with unsaved edits keeps them locally", () => {
    const { save } = draftStore(1);
    const stack = createEditor(sampleProcess());
    const autosave = new Autosave({ stack, processKey: "lead-to-customer", version: 1, save, storage: localStorage }).start();
    stack.execute("step.move", move(1));
    autosave.stop();
    expect(findLocalCopy(localStorage, "lead-to-customer")?.definition).toStrictEqual(stack.definition);
  });
});
