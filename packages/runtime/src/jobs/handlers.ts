import { fireTimerJob } from "./fire-timer.ts";
import type { JobHandler } from "./job-handler.ts";

/** What the worker does for each job type. */
export function jobHandlers(): Record<string, JobHandler> {
  return {
    timer: fireTimerJob,
  };
}
