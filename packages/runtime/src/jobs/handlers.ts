import { callServiceJob } from "./call-service.ts";
import { CHILD_FAILED_JOB, childFailedJob } from "./child-failed.ts";
import type { MailSettings } from "../mail-settings.ts";
import type { ServiceSecrets } from "../service-secrets.ts";
import { EMAIL_JOB } from "../notifications.ts";
import { fireTimerJob } from "./fire-timer.ts";
import type { AnyJobHandler } from "./job-handler.ts";
import { sendEmailJob } from "./send-email.ts";
import { SERVICE_CALL_JOB } from "./service-call-job.ts";
import { TIMER_START_JOB } from "../messages/start-triggers.ts";
import { timerStartJob } from "./timer-start.ts";

/**
 * What the worker does for each job type. `mail`: the server's outgoing
 * e-mail settings (sends the `email` jobs, and lets what a timer sets off
 * notify by e-mail too). `secrets`: the deployment's, for service calls
 * that name `{{secrets.NAME}}`.
 */
export function jobHandlers(options: { mail?: MailSettings | null; secrets?: ServiceSecrets } = {}): Record<string, AnyJobHandler> {
  return {
    timer: fireTimerJob(options.mail),
    [EMAIL_JOB]: sendEmailJob(options.mail),
    [SERVICE_CALL_JOB]: callServiceJob(options.mail, options.secrets),
    [TIMER_START_JOB]: timerStartJob(options.mail),
    [CHILD_FAILED_JOB]: childFailedJob(options.mail),
  };
}
