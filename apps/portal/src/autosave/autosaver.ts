/**
 * Autosave of form data to a draft (a task's, or a start form's).
 *
 * Lifecycle: every user edit (`change`) restarts a debounce timer; when it
 * fires, the latest data is saved with the draft version this window last
 * loaded or saved (`expectedVersion`, null before the first draft). One save
 * is in flight at a time: edits made meanwhile are saved after it, with the
 * version it returned. A failed save shows "Not saved" until the next edit
 * or `retry`. A conflict (another window saved or completed the task) stops
 * autosaving for good: saving over it would lose the other window's work.
 * `hold` pauses saving while the page completes the task (`saveAndHold`
 * saves what is waiting first, before a hand-over), `release`
 * resumes it, `dispose` ends it, saving what is left when asked to.
 * `discard` throws the draft away: it waits for a save in flight, so the
 * version it removes is the one this window saved last.
 *
 * Framework-free, timers from the global scope, so tests drive it with fake
 * timers; `use-autosave.ts` binds it to React.
 */

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

export type SaveResult = { version: number; updatedAt: string };

export type AutosaverOptions<T> = {
  save: (data: T, expectedVersion: number | null) => Promise<SaveResult>;
  /** The draft version loaded with the page; null when there was no draft. */
  version: number | null;
  /** The data loaded with the page. */
  data: T;
  /** What to show before the first edit, e.g. "saved at <draft time>". */
  initialStatus?: SaveStatus;
  delayMs?: number;
  onStatus: (status: SaveStatus) => void;
  /** Tells a conflict from other failures and words the failure for the user. */
  classify: (error: unknown) => { conflict: boolean; message: string };
};

export const AUTOSAVE_DELAY_MS = 800;

export type DiscardOutcome = { ok: true } | { ok: false; conflict: boolean; message: string };

export class Autosaver<T> {
  private readonly opts: AutosaverOptions<T>;
  private readonly delayMs: number;
  private latest: T;
  private version: number | null;
  private status: SaveStatus;
  /** Edits counted, and the count the last successful save covered. */
  private editSeq = 0;
  private savedSeq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  /** The timer fired during a save: save again as soon as it ends. */
  private queued = false;
  private held = false;
  private stopped = false;
  private disposed = false;

  constructor(opts: AutosaverOptions<T>) {
    this.opts = opts;
    this.delayMs = opts.delayMs ?? AUTOSAVE_DELAY_MS;
    this.latest = opts.data;
    this.version = opts.version;
    this.status = opts.initialStatus ?? { kind: "idle" };
  }

  get currentStatus(): SaveStatus {
    return this.status;
  }

  get currentVersion(): number | null {
    return this.version;
  }

  /** True while an edit has not reached the server yet. */
  get dirty(): boolean {
    return this.editSeq !== this.savedSeq;
  }

  /** A user edit: remember it and save after the debounce. */
  change(data: T): void {
    if (this.stopped || this.disposed) return;
    this.latest = data;
    this.editSeq += 1;
    if (this.held) return;
    this.setStatus({ kind: "pending" });
    this.schedule();
  }

  /** Data the form filled in by itself (defaults): saved with the next edit, never on its own. */
  update(data: T): void {
    if (this.stopped || this.disposed) return;
    this.latest = data;
  }

  /** Save now, e.g. from the "Retry" button. */
  retry(): void {
    if (this.stopped || this.disposed || this.held) return;
    this.clearTimer();
    this.saveNow();
  }

  /** Stop saving (the page is completing the task); resolves once no save is in flight. */
  async hold(): Promise<void> {
    this.held = true;
    this.clearTimer();
    this.queued = false;
    await this.inFlight;
  }

  /**
   * Hold, but first save an edit still waiting for its debounce (after a
   * save in flight): the page hands the task to someone else, who should
   * find what was typed. Answers whether everything reached the server.
   */
  async saveAndHold(): Promise<boolean> {
    await this.hold();
    if (this.dirty && !this.stopped && !this.disposed) {
      this.saveNow();
      await this.inFlight;
    }
    return !this.dirty;
  }

  /** Resume after `hold`, saving what was edited meanwhile. */
  release(): void {
    this.held = false;
    if (this.dirty && !this.stopped && !this.disposed) {
      this.setStatus({ kind: "pending" });
      this.schedule();
    }
  }

  /**
   * Throw the draft away: stop saving (an edit waiting for its debounce is
   * dropped), wait for a save in flight, then `remove` the draft version
   * this window knows; with none saved yet there is nothing to remove.
   * Done: the saver ends. A conflict (a newer draft from another window,
   * which must not be lost unseen) stops autosaving as a stale save does;
   * any other failure resumes it, with the edits kept.
   */
  async discard(remove: (version: number) => Promise<unknown>): Promise<DiscardOutcome> {
    if (this.status.kind === "conflict") return { ok: false, conflict: true, message: this.status.message };
    if (this.disposed) return { ok: false, conflict: false, message: "This form is closed; reload the page." };
    await this.hold();
    try {
      if (this.version !== null) await remove(this.version);
    } catch (error) {
      const { conflict, message } = this.opts.classify(error);
      if (conflict) this.stop(message);
      else this.release();
      return { ok: false, conflict, message };
    }
    this.dispose(false);
    return { ok: true };
  }

  /** End for good. `flush` saves an edit still waiting for its debounce (leaving the page). */
  dispose(flush: boolean): void {
    this.clearTimer();
    const leftover = flush && this.dirty && !this.stopped && !this.held && !this.disposed;
    this.disposed = true;
    if (!leftover) return;
    const data = this.latest;
    const send = () => this.opts.save(data, this.version).then(
      () => undefined,
      () => undefined,
    );
    void (this.inFlight ? this.inFlight.then(send) : send());
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow();
    }, this.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private saveNow(): void {
    if (this.inFlight) {
      this.queued = true;
      return;
    }
    if (!this.dirty) return;
    const data = this.latest;
    const seq = this.editSeq;
    this.setStatus({ kind: "saving" });
    this.inFlight = this.opts
      .save(data, this.version)
      .then(
        (result) => {
          this.version = result.version;
          this.savedSeq = seq;
          if (!this.dirty) this.setStatus({ kind: "saved", at: result.updatedAt });
          else if (!this.held) this.setStatus({ kind: "pending" });
        },
        (error: unknown) => {
          const { conflict, message } = this.opts.classify(error);
          if (conflict) {
            this.stop(message);
          } else {
            this.setStatus({ kind: "error", message });
          }
        },
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.queued && !this.held && !this.stopped && !this.disposed) {
          this.queued = false;
          this.saveNow();
        }
      });
  }

  /** Saving over a newer draft would lose another window's work: stop for good. */
  private stop(message: string): void {
    this.stopped = true;
    this.held = false;
    this.clearTimer();
    this.setStatus({ kind: "conflict", message });
  }

  private setStatus(next: SaveStatus): void {
    if (this.disposed) return;
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.opts.onStatus(next);
  }
}
