import { callServiceJob } from "./call-service.ts";
import { fireTimerJob } from "./fire-timer.ts";
import type { JobHandler } from "./job-handler.ts";
import { SERVICE_CALL_JOB } from "./service-call-job.ts";

/** What the worker does for each job type. */
export function jobHandlers(): Record<string, JobHandler> {
  return {
    timer: fireTimerJob,
    [SERVICE_CALL_JOB]: callServiceJob,
  };
}
