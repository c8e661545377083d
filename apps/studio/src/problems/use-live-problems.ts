import { useEffect, useMemo, useRef, useState } from "react";
import { validate, type ProcessDefinition, type Problem } from "@baton/model";
import { LARGE_PROCESS } from "../canvas/initial-view.ts";
import type { ValidateAnswer, ValidateRequest } from "./validate.worker.ts";

export type LiveProblems = {
  problems: readonly Problem[];
  /** True while a large process is being checked (its last problems stay shown meanwhile). */
  checking: boolean;
};

const canUseWorker = () => typeof Worker !== "undefined";

/**
 * The problems `validate` finds in `definition`, kept up to date as it
 * changes. A small process is checked at once, as it is drawn. A large one
 * (a thousand steps take tens of milliseconds, more on a slow laptop) is
 * checked in a Web Worker, so opening it, dragging and typing never wait
 * for the check; its problems arrive a moment later.
 */
export function useLiveProblems(definition: ProcessDefinition): LiveProblems {
  const large = definition.steps.length > LARGE_PROCESS && canUseWorker();
  const now = useMemo(() => (large ? null : validate(definition)), [large, definition]);
  const background = useBackgroundCheck(large ? definition : null);
  return now ? { problems: now, checking: false } : background;
}

function useBackgroundCheck(definition: ProcessDefinition | null): LiveProblems {
  const worker = useRef<Worker | null>(null);
  const asked = useRef<{ id: number; definition: ProcessDefinition | null }>({ id: 0, definition: null });
  const [state, setState] = useState<{ problems: readonly Problem[]; of: ProcessDefinition | null }>({ problems: [], of: null });

  useEffect(
    () => () => {
      worker.current?.terminate();
      // A remount (React's strict mode does one) starts a fresh worker.
      worker.current = null;
    },
    [],
  );
  useEffect(() => {
    if (!definition) return;
    // Should the worker fail (it cannot load, or validate threw), the check still happens, here.
    const checkHere = () => setState({ problems: validate(asked.current.definition!), of: asked.current.definition });
    if (!worker.current) {
      worker.current = new Worker(new URL("./validate.worker.ts", import.meta.url), { type: "module", name: "Process check" });
      worker.current.onmessage = (event: MessageEvent<ValidateAnswer>) => {
        const answer = event.data;
        if (answer.id !== asked.current.id) return;
        if ("error" in answer) checkHere();
        else setState({ problems: answer.problems, of: asked.current.definition });
      };
      worker.current.onerror = checkHere;
    }
    asked.current = { id: asked.current.id + 1, definition };
    worker.current.postMessage({ id: asked.current.id, definition } satisfies ValidateRequest);
  }, [definition]);

  return { problems: state.problems, checking: definition !== null && state.of !== definition };
}
