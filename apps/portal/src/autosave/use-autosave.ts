import { useCallback, useEffect, useRef, useState } from "react";
import { batonError, userMessage } from "../lib/baton-error.ts";
import { Autosaver } from "./autosaver.ts";
import type { AutosaverOptions, DiscardOutcome, SaveStatus } from "./autosaver.ts";

export type AutosaveOptions<T> = Omit<AutosaverOptions<T>, "onStatus" | "classify"> & {
  /** False while the form is read-only: edits are then not saved. */
  enabled: boolean;
  /** Default: the API's CONFLICT is a conflict, worded by the server (see API.md). */
  classify?: AutosaverOptions<T>["classify"];
};

const classifyApiError = (error: unknown) => ({ conflict: batonError(error)?.code === "CONFLICT", message: userMessage(error) });

export type Autosave<T> = {
  status: SaveStatus;
  /** A user edit. */
  change: (data: T) => void;
  /** Data the form derived by itself (defaults). */
  update: (data: T) => void;
  retry: () => void;
  hold: () => Promise<void>;
  /** Save what is waiting, then hold; false when it did not reach the server. */
  saveAndHold: () => Promise<boolean>;
  release: () => void;
  /** After completion: the draft is gone, so nothing may be saved any more. */
  finish: () => void;
  /** Throw the draft away (`Autosaver.discard`); after `{ ok: true }` nothing more is saved. */
  discard: (remove: (version: number) => Promise<unknown>) => Promise<DiscardOutcome>;
};

/**
 * Binds an Autosaver to a component: one per mount, disposed on unmount
 * (saving an edit still waiting for its debounce), and the browser asks
 * before closing the tab while an edit is unsaved.
 */
export function useAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const [status, setStatus] = useState<SaveStatus>(options.initialStatus ?? { kind: "idle" });
  const saverRef = useRef<Autosaver<T> | null>(null);
  const finishedRef = useRef(false);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    const o = optionsRef.current;
    const saver = new Autosaver<T>({
      ...o,
      // Through the ref, so a re-render's new closures are used.
      save: (data, version) => optionsRef.current.save(data, version),
      classify: (error) => (optionsRef.current.classify ?? classifyApiError)(error),
      onStatus: setStatus,
    });
    saverRef.current = saver;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.dirty && saver.currentStatus.kind !== "conflict") e.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      saver.dispose(!finishedRef.current);
      if (saverRef.current === saver) saverRef.current = null;
    };
  }, []);

  const enabled = options.enabled;
  const change = useCallback((data: T) => {
    if (enabled) saverRef.current?.change(data);
    else saverRef.current?.update(data);
  }, [enabled]);
  const update = useCallback((data: T) => saverRef.current?.update(data), []);
  const retry = useCallback(() => saverRef.current?.retry(), []);
  const hold = useCallback(async () => {
    await saverRef.current?.hold();
  }, []);
  const saveAndHold = useCallback(async () => (await saverRef.current?.saveAndHold()) ?? true, []);
  const release = useCallback(() => saverRef.current?.release(), []);
  const finish = useCallback(() => {
    finishedRef.current = true;
    saverRef.current?.dispose(false);
  }, []);

  const discard = useCallback(async (remove: (version: number) => Promise<unknown>): Promise<DiscardOutcome> => {
    const saver = saverRef.current;
    if (!saver) return { ok: false, conflict: false, message: "This form is closed; reload the page." };
    const outcome = await saver.discard(remove);
    if (outcome.ok) finishedRef.current = true;
    return outcome;
  }, []);

  return { status, change, update, retry, hold, saveAndHold, release, finish, discard };
}
