import type { ProcessDefinition } from "@baton/model";
import { readBatonError } from "../api/baton-error.ts";
import type { EditorStack } from "./commands/index.ts";
import { dropLocalCopies, keepLocalCopy } from "./local-copies.ts";

/**
 * Saves the draft about a second after the last edit, with an optimistic
 * version: each save names the version it started from, and the server
 * refuses (CONFLICT) if someone saved in between. Lifecycle:
 *
 *   saved ─edit→ pending ─(delay)→ saving ─ok→ saved (or pending if edited meanwhile)
 *                                         ─CONFLICT→ conflict (stops until resolved)
 *                                         ─other error→ error (Retry saves again)
 *
 * Before each save the work is kept in localStorage (see local-copies.ts);
 * a successful save drops it. Never two saves at once. On a conflict the
 * analyst chooses: `reloadLatest` (discard theirs) or `overwrite` (save
 * again against the server's current version).
 */
export type SaveResult = { version: number; updatedAt: string };
export type SaveDraft = (definition: ProcessDefinition, expectedVersion: number | null) => Promise<SaveResult>;

export type AutosaveStatus =
  | { state: "saved"; at: string | null }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "error"; message: string }
  | { state: "conflict"; message: string };

type Options = {
  stack: EditorStack;
  processKey: string;
  /** The draft version the stack's definition was loaded from (null: never saved). */
  version: number | null;
  save: SaveDraft;
  storage?: Storage | undefined;
  delayMs?: number;
  /** However busy the analyst is, edits are saved at least this often. */
  maxWaitMs?: number;
};

export class Autosave {
  private status: AutosaveStatus = { state: "saved", at: null };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private version: number | null;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  /** When the oldest unsaved edit was made (for maxWait); null when all is saved. */
  private pendingSince: number | null = null;

  constructor(private readonly options: Options) {
    this.version = options.version;
    this.delayMs = options.delayMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
  }

  /** Starts following the stack's changes (again, after `stop`). */
  start(): this {
    this.unsubscribe ??= this.options.stack.subscribe((kind) => {
      if (kind !== "saved") this.changed();
    });
    return this;
  }

  getStatus = (): AutosaveStatus => this.status;
  /** The server version the next save will name. */
  get baseVersion(): number | null {
    return this.version;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Saves now (Retry, leaving the page); no-op when clean or a save is running. */
  flush = (): Promise<void> => {
    this.clearTimer();
    return this.saveNow();
  };

  /** Conflict answer 1: take the server's draft; this tab's edits are dropped. */
  reloadLatest(definition: ProcessDefinition, version: number, updatedAt: string): void {
    this.clearTimer();
    this.version = version;
    this.options.stack.reset(definition);
    if (this.options.storage) dropLocalCopies(this.options.storage, this.options.processKey);
    this.set({ state: "saved", at: updatedAt });
  }

  /** Conflict answer 2: save this tab's draft over the server's `version`. */
  overwrite(version: number): Promise<void> {
    this.version = version;
    this.set({ state: "pending" });
    return this.flush();
  }

  /** Stops following the stack; unsaved edits are kept locally. */
  stop(): void {
    this.clearTimer();
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.options.stack.isDirty()) this.keep();
  }

  private changed(): void {
    if (this.status.state === "conflict") {
      this.keep();
      return;
    }
    if (!this.options.stack.isDirty()) {
      if (!this.inFlight) {
        this.clearTimer();
        this.pendingSince = null;
        if (this.options.storage) dropLocalCopies(this.options.storage, this.options.processKey);
        this.set({ state: "saved", at: this.status.state === "saved" ? this.status.at : null });
      }
      return;
    }
    if (!this.inFlight) this.set({ state: "pending" });
    this.schedule();
  }

  /** A second after the last edit, but no later than maxWait after the first unsaved one. */
  private schedule(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    const wait = Math.max(0, Math.min(this.delayMs, this.pendingSince + this.maxWaitMs - now));
    this.clearTimer();
    this.timer = setTimeout(() => void this.saveNow(), wait);
  }

  private async saveNow(): Promise<void> {
    const { stack } = this.options;
    if (this.inFlight || !stack.isDirty() || this.status.state === "conflict") return;
    this.inFlight = true;
    this.pendingSince = null;
    const revision = stack.revision;
    const definition = stack.definition;
    this.keep();
    this.set({ state: "saving" });
    try {
      const result = await this.options.save(definition, this.version);
      this.version = result.version;
      this.inFlight = false;
      stack.markSaved(revision);
      if (stack.isDirty()) {
        this.set({ state: "pending" });
        this.schedule();
      } else {
        if (this.options.storage) dropLocalCopies(this.options.storage, this.options.processKey);
        this.set({ state: "saved", at: result.updatedAt });
      }
    } catch (error) {
      this.inFlight = false;
      this.keep();
      const e = readBatonError(error);
      this.set(e.code === "CONFLICT" ? { state: "conflict", message: e.message } : { state: "error", message: e.message });
    }
  }

  private keep(): void {
    const { storage, processKey, stack } = this.options;
    if (!storage) return;
    keepLocalCopy(storage, { key: processKey, baseVersion: this.version, definition: stack.definition, keptAt: new Date().toISOString() });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(status: AutosaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
