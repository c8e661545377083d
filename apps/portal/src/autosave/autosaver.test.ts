import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver } from "./autosaver.ts";
import type { SaveResult, SaveStatus } from "./autosaver.ts";

type Data = { name?: string };

/**
 * A draft store that answers like the server: it checks expectedVersion,
 * and each answer is released by the test, so in-flight saves can be seen.
 */
class FakeDraftStore {
  version: number | null = null;
  data: Data | undefined;
  calls: { data: Data; expectedVersion: number | null }[] = [];
  failNext: "conflict" | "network" | undefined;
  private waiting: (() => void)[] = [];

  save = (data: Data, expectedVersion: number | null): Promise<SaveResult> => {
    this.calls.push({ data, expectedVersion });
    return new Promise<SaveResult>((resolve, reject) => {
      this.waiting.push(() => {
        const fail = this.failNext;
        this.failNext = undefined;
        if (fail === "network") return reject(new Error("network down"));
        if (fail === "conflict" || expectedVersion !== this.version) {
          return reject(Object.assign(new Error("stale"), { conflict: true }));
        }
        this.version = (this.version ?? 0) + 1;
        this.data = data;
        resolve({ version: this.version, updatedAt: `2025-03-12T10:00:0${this.version}Z` });
      });
    });
  };

  /** Lets the oldest pending save answer and waits for the autosaver to take the answer in. */
  async answer(): Promise<void> {
    const next = this.waiting.shift();
    if (!next) throw new Error("no save is waiting for an answer");
    next();
    await vi.advanceTimersByTimeAsync(0);
  }

  get pending(): number {
    return this.waiting.length;
  }
}

function setup(initial: { version?: number | null } = {}) {
  const store = new FakeDraftStore();
  store.version = initial.version ?? null;
  const statuses: SaveStatus[] = [];
  const saver = new Autosaver<Data>({
    save: store.save,
    version: store.version,
    data: {},
    delayMs: 800,
    onStatus: (s) => statuses.push(s),
    classify: (e) => ({
      conflict: (e as { conflict?: boolean }).conflict === true,
      message: e instanceof Error ? e.message : "failed",
    }),
  });
  return { store, statuses, saver, kinds: () => statuses.map((s) => s.kind) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Autosaver", () => {
  it("debounces edits into one save of the latest data", async () => {
    const { store, saver, kinds } = setup();
    saver.change({ name: "A" });
    await vi.advanceTimersByTimeAsync(500);
    saver.change({ name: "Ad" });
    await vi.advanceTimersByTimeAsync(500);
    saver.change({ name: "Ada" });
    await vi.advanceTimersByTimeAsync(799);
    expect(store.calls).toHaveLength(0);
    expect(kinds()).toEqual(["pending"]);

    await vi.advanceTimersByTimeAsync(1);
    expect(store.calls).toEqual([{ data: { name: "Ada" }, expectedVersion: null }]);
    expect(kinds()).toEqual(["pending", "saving"]);

    await store.answer();
    expect(saver.currentStatus).toEqual({ kind: "saved", at: "2025-03-12T10:00:01Z" });
    expect(saver.dirty).toBe(false);
  });

  it("sends the version of the last save with the next one", async () => {
    const { store, saver } = setup({ version: 4 });
    saver.change({ name: "A" });
    await vi.advanceTimersByTimeAsync(800);
    await store.answer();
    saver.change({ name: "B" });
    await vi.advanceTimersByTimeAsync(800);
    await store.answer();
    expect(store.calls.map((c) => c.expectedVersion)).toEqual([4, 5]);
    expect(store.data).toEqual({ name: "B" });
  });

  it("saves edits made during a save after it, never two at once", async () => {
    const { store, saver, kinds } = setup();
    saver.change({ name: "A" });
    await vi.advanceTimersByTimeAsync(800);
    saver.change({ name: "AB" });
    await vi.advanceTimersByTimeAsync(800);
    expect(store.pending).toBe(1);

    await store.answer();
    expect(store.calls).toHaveLength(2);
    expect(store.calls[1]).toEqual({ data: { name: "AB" }, expectedVersion: 1 });
    await store.answer();
    expect(kinds().at(-1)).toBe("saved");
    expect(store.data).toEqual({ name: "AB" });
  });

  it("reports a failed save and saves again on retry", async () => {
    const { store, saver } = setup();
    store.failNext = "network";
    saver.change({ name: "A" });
    await vi.advanceTimersByTimeAsync(800);
    await store.answer();
    expect(saver.currentStatus).toEqual({ kind: "error", message: "network down" });
    expect(saver.dirty).toBe(true);

    saver.retry();
    expect(saver.currentStatus.kind).toBe("saving");
    await store.answer();
    expect(saver.currentStatus.kind).toBe("saved");
    expect(store.data).toEqual({ name: "A" });
  });

  it("stops for good on a conflict", async () => {
    const { store, saver } = setup({ version: 2 });
    store.version = 3; // another window saved meanwhile
    saver.change({ name: "mine" });
    await vi.advanceTimersByTimeAsync(800);
    await store.answer();
    expect(saver.currentStatus).toEqual({ kind: "conflict", message: "stale" });

    saver.change({ name: "more" });
    saver.retry();
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(1);
    expect(saver.currentStatus.kind).toBe("conflict");
  });

  it("does not save data the form filled in by itself, but includes it with the next edit", async () => {
    const { store, saver } = setup();
    saver.update({ name: "default" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(0);
    expect(saver.currentStatus.kind).toBe("idle");

    saver.update({ name: "default2" });
    saver.change({ name: "typed" });
    await vi.advanceTimersByTimeAsync(800);
    expect(store.calls[0]?.data).toEqual({ name: "typed" });
  });

  it("holds saving while the task is completed and resumes on release", async () => {
    const { store, saver } = setup();
    saver.change({ name: "A" });
    await vi.advanceTimersByTimeAsync(800);
    let held = false;
    const hold = saver.hold().then(() => (held = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(held).toBe(false); // waits for the save in flight
    await store.answer();
    await hold;
    expect(held).toBe(true);

    saver.change({ name: "AB" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(1);

    saver.release();
    await vi.advanceTimersByTimeAsync(800);
    expect(store.calls[1]).toEqual({ data: { name: "AB" }, expectedVersion: 1 });
  });

  it("saves a waiting edit after the save in flight before holding (a hand-over), and says whether it got there", async () => {
    const { store, saver } = setup();
    saver.change({ name: "A" });
    await vi.advanceTimersByTimeAsync(800);
    saver.change({ name: "AB" }); // waiting for its debounce while "A" is in flight
    let saved: boolean | undefined;
    const holding = saver.saveAndHold().then((ok) => (saved = ok));
    await store.answer();
    expect(store.calls[1]).toEqual({ data: { name: "AB" }, expectedVersion: 1 });
    await store.answer();
    await holding;
    expect(saved).toBe(true);
    saver.change({ name: "ABC" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(2); // held

    const failing = setup();
    failing.saver.change({ name: "X" });
    failing.store.failNext = "network";
    const outcome = failing.saver.saveAndHold();
    await vi.advanceTimersByTimeAsync(0);
    await failing.store.answer();
    expect(await outcome).toBe(false);
  });

  it("on dispose saves a waiting edit at once when asked to, and reports nothing more", async () => {
    const { store, saver, statuses } = setup();
    saver.change({ name: "A" });
    const before = statuses.length;
    saver.dispose(true);
    expect(store.calls).toEqual([{ data: { name: "A" }, expectedVersion: null }]);
    await store.answer();
    expect(statuses).toHaveLength(before);
  });

  it("on dispose without flush drops the waiting edit", async () => {
    const { store, saver } = setup();
    saver.change({ name: "A" });
    saver.dispose(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(0);
  });
});

describe("Autosaver.discard", () => {
  /** Removes the draft like the server: only the version it holds; answers at once. */
  const removeFrom = (store: FakeDraftStore) =>
    vi.fn(async (version: number) => {
      if (version !== store.version) throw Object.assign(new Error("newer draft elsewhere"), { conflict: true });
      store.version = null;
      store.data = undefined;
    });

  it("waits for the save in flight, then removes the version it returned, and ends", async () => {
    const { store, saver } = setup();
    saver.change({ name: "A" });
    await vi.advanceTimersByTimeAsync(800);
    const remove = removeFrom(store);
    const outcome = saver.discard(remove);
    await vi.advanceTimersByTimeAsync(0);
    expect(remove).not.toHaveBeenCalled();
    await store.answer();
    expect(await outcome).toEqual({ ok: true });
    expect(remove).toHaveBeenCalledWith(1);
    expect(store.data).toBeUndefined();

    saver.change({ name: "after" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(1);
  });

  it("drops an edit still waiting for its debounce, and removes nothing when nothing was saved", async () => {
    const { store, saver } = setup();
    saver.change({ name: "typed" });
    const remove = removeFrom(store);
    expect(await saver.discard(remove)).toEqual({ ok: true });
    await vi.advanceTimersByTimeAsync(5000);
    expect(remove).not.toHaveBeenCalled();
    expect(store.calls).toHaveLength(0);
  });

  it("keeps a newer draft from another window: stops autosaving as a conflict", async () => {
    const { store, saver } = setup({ version: 2 });
    store.version = 3;
    const outcome = await saver.discard(removeFrom(store));
    expect(outcome).toEqual({ ok: false, conflict: true, message: "newer draft elsewhere" });
    expect(saver.currentStatus).toEqual({ kind: "conflict", message: "newer draft elsewhere" });
    saver.change({ name: "more" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(0);
    expect(await saver.discard(removeFrom(store))).toMatchObject({ ok: false, conflict: true });
  });

  it("resumes saving the kept edits when the removal fails otherwise", async () => {
    const { store, saver } = setup({ version: 1 });
    saver.change({ name: "kept" });
    const outcome = await saver.discard(async () => {
      throw new Error("network down");
    });
    expect(outcome).toEqual({ ok: false, conflict: false, message: "network down" });
    await vi.advanceTimersByTimeAsync(800);
    expect(store.calls).toEqual([{ data: { name: "kept" }, expectedVersion: 1 }]);
  });
});
