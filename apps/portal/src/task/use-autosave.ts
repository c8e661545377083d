import { useCallback, useEffect, useRef, useState } from "react";
import { Autosaver } from "./autosaver.ts";
import type { AutosaverOptions, SaveStatus } from "./autosaver.ts";

export type AutosaveOptions<T> = Omit<AutosaverOptions<T>, "onStatus"> & {
  /** False while the form is read-only: edits are then not saved. */
  enabled: boolean;
};

export type Autosave<T> = {
  status: SaveStatus;
  /** A user edit. */
  change: (data: T) => void;
  /** Data the form derived by itself (defaults). */
  update: (data: T) => void;
  retry: () => void;
  hold: () => Promise<void>;
  release: () => void;
  /** After completion: the draft is gone, so nothing may be saved any more. */
  finish: () => void;
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
      classify: (error) => optionsRef.current.classify(error),
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
  const release = useCallback(() => saverRef.current?.release(), []);
  const finish = useCallback(() => {
    finishedRef.current = true;
    saverRef.current?.dispose(false);
  }, []);

  return { status, change, update, retry, hold, release, finish };
}
