import { eq } from "drizzle-orm";
import { auditEvents, instances, type Database } from "@baton/db";
import type { InstanceState, ServiceRequest, ServiceResponse } from "@baton/engine";
import type { MailSettings } from "../mail-settings.ts";
import { fillSecrets, missingSecretsMessage, type ServiceSecrets } from "../service-secrets.ts";
import { stepInstance } from "../step-instance.ts";
import { externalJob, PermanentJobError, type ExternalJobHandler, type JobRow } from "./job-handler.ts";
import { serviceCallJobPayloadSchema, type ServiceCallJobPayload } from "./service-call-job.ts";

/**
 * The `service-call` job: one HTTP request of a service call step, with
 * Node's fetch, as an external job (job-handler.ts). One attempt:
 *  1. the token still waits for this call (else the job is simply done);
 *  2. the request goes out with `Idempotency-Key` (the same on every
 *     attempt, and on an admin's retry) and a timeout, while no transaction
 *     is open and no row is locked: a slow service holds up only this job
 *     (on embedded PGlite, the one connection stays free for everyone);
 *  3. a 2xx: the instance is stepped with `serviceAnswered` in the
 *     transaction that marks the job done (the answer is applied exactly
 *     once, and not at all when the token stopped waiting meanwhile);
 *  4. anything else throws. Unreachable, no answer in time, 408, 425, 429
 *     and 5xx may work later: the worker tries again after its backoff,
 *     until the step's retries are used up. Other answers (3xx, 4xx) will
 *     be the same next time, so they fail at once.
 * When the job gives up, `serviceCallGaveUp` (the worker's onFailed) steps
 * the instance with `serviceFailed`: an incident an admin can retry or
 * skip. The call itself happens at least once: after a crash between the
 * answer and the commit the request is sent again, with the same key.
 * `mail`: what the answer sets off (a notify step next) goes by e-mail too.
 * `secrets`: the deployment's, for `{{secrets.NAME}}` in the URL and
 * header values, filled in only for the request on the wire (messages and
 * the audit show the placeholder); one that is not configured fails the
 * job at once, as a retry would not find it either.
 */
export const callServiceJob = (mail?: MailSettings | null, secrets: ServiceSecrets = {}): ExternalJobHandler =>
  externalJob<ServiceResponse>({
    async stillWanted(tx, job) {
      const { instanceId, tokenId } = readJob(job);
      const [instance] = await tx.select({ state: instances.state }).from(instances).where(eq(instances.id, instanceId));
      return !!instance && waitsForAnswer(instance.state as InstanceState, tokenId);
    },
    async perform(job) {
      const outcome = await call(readJob(job).payload, secrets);
      if (outcome.ok) return outcome.response;
      const error = outcome.retryable ? new Error(outcome.message) : new PermanentJobError(outcome.message);
      // The status lets a boundary error event catch it; retryAfterMs is the service's own "not before" (the worker honours it).
      throw Object.assign(error, outcome.status === undefined ? {} : { status: outcome.status }, outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs });
    },
    async apply(tx, job, response, now) {
      const { instanceId, tokenId, payload } = readJob(job);
      const stepped = await stepInstance(tx, instanceId, { type: "serviceAnswered", tokenId, response }, {
        now,
        actorId: null,
        accept: (state) => waitsForAnswer(state, tokenId),
        mail,
      });
      if (!stepped) return;
      const { method, url } = payload.request;
      await tx.insert(auditEvents).values({
        instanceId,
        type: "service.answered",
        data: { stepId: payload.stepId, method, url, status: response.status, attempt: job.attempts + 1 },
        at: now.toISOString(),
      });
    },
    // The step's timeout bounds the whole exchange (fetch and reading the body share its signal).
    leaseMs: (job) => readJob(job).payload.timeoutMs + LEASE_MARGIN_MS,
  });

/** Time after a call's own timeout before another worker may take the job again (a stalled process, a slow commit). */
const LEASE_MARGIN_MS = 60_000;

/**
 * A service-call job gave up: the instance is stepped with `serviceFailed`,
 * saying why and after how many attempts, with the HTTP status the last
 * attempt got (`cause`, as the handler threw it), so that a boundary error
 * event can catch e.g. a 404; uncaught, the token stops under a
 * `service.failed` incident. Runs in the transaction that marks the job failed.
 */
export async function serviceCallGaveUp(tx: Database, job: JobRow, error: string, now: Date, cause?: unknown): Promise<void> {
  const { instanceId, tokenId } = readJob(job);
  const attempts = job.attempts + 1;
  const status = (cause as { status?: unknown } | undefined)?.status;
  const failed = { type: "serviceFailed" as const, tokenId, error: `${error} (attempt ${attempts} of ${job.maxAttempts ?? attempts})`, ...(typeof status === "number" ? { status } : {}) };
  await stepInstance(tx, instanceId, failed, {
    now,
    actorId: null,
    accept: (state) => waitsForAnswer(state, tokenId),
  });
}

function readJob(job: JobRow): { instanceId: string; tokenId: string; payload: ServiceCallJobPayload } {
  if (!job.instanceId || !job.ref) throw new PermanentJobError(`service-call job ${job.id} names no instance or token`);
  const parsed = serviceCallJobPayloadSchema.safeParse(job.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PermanentJobError(`service-call job ${job.id} has a malformed payload: ${issue ? `${issue.path.join(".") || "payload"}: ${issue.message}` : "unreadable"}`);
  }
  return { instanceId: job.instanceId, tokenId: job.ref, payload: parsed.data };
}

/** The token waits at the step for an answer: not moved on, not stuck under an incident. */
/**
 * The token still waits for this call. By the token's id alone: a token
 * stays at its step until it moves on (a new arrival is a new token), and
 * an admin may migrate the instance to a version where the call's step has
 * another id while the request is out (the job read its payload before).
 */
function waitsForAnswer(state: InstanceState, tokenId: string): boolean {
  return (
    state.status !== "completed" &&
    state.tokens.some((t) => t.id === tokenId) &&
    !state.incidents.some((i) => i.tokenId === tokenId)
  );
}

/** Answers bigger than this are refused rather than read into memory. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** `status`: the HTTP status of an answer that was not a 2xx. */
type CallOutcome = { ok: true; response: ServiceResponse } | { ok: false; retryable: boolean; message: string; status?: number; retryAfterMs?: number };

async function call({ request: stored, idempotencyKey, timeoutMs }: ServiceCallJobPayload, secrets: ServiceSecrets): Promise<CallOutcome> {
  const what = `${stored.method} ${stored.url}`;
  const filled = fillSecrets(stored, secrets);
  if (!filled.ok) return { ok: false, retryable: false, message: `${what} ${missingSecretsMessage(filled.missing)}` };
  const { request, redact } = filled;
  const outcome = await send(request, what, idempotencyKey, timeoutMs);
  return outcome.ok ? outcome : { ...outcome, message: redact(outcome.message) };
}

async function send(request: ServiceRequest, what: string, idempotencyKey: string, timeoutMs: number): Promise<CallOutcome> {
  if (!/^https?:\/\//i.test(request.url)) {
    return { ok: false, retryable: false, message: `${what} could not be sent: the address is not an http(s) URL; check the secrets it names` };
  }
  let init: RequestInit;
  try {
    init = requestInit(request, idempotencyKey);
  } catch (error) {
    return { ok: false, retryable: false, message: `${what} could not be sent: ${describe(error)}` };
  }
  const seconds = `${timeoutMs / 1000} s`;
  const signal = AbortSignal.timeout(timeoutMs);
  let answer: Response;
  let text: string;
  try {
    answer = await fetch(request.url, { ...init, signal });
    text = await readText(answer);
  } catch (error) {
    if (signal.aborted) return { ok: false, retryable: true, message: `${what}: no answer within ${seconds}` };
    if (error instanceof PermanentJobError) return { ok: false, retryable: false, message: `${what}: ${error.message}` };
    return { ok: false, retryable: true, message: `${what} could not be reached: ${describe(error)}` };
  }
  const status = answer.status;
  if (status >= 200 && status < 300) return { ok: true, response: { status, body: parseBody(text) } };
  const said = text.trim() ? `: ${text.trim().replace(/\s+/g, " ").slice(0, 300)}` : "";
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  const verdict = retryable ? "" : "; an answer like this is not retried";
  const statusText = answer.statusText ? ` ${answer.statusText}` : "";
  const retryAfterMs = retryable ? retryAfter(answer.headers.get("retry-after")) : undefined;
  const waitWord = retryAfterMs === undefined ? "" : `; asked to wait ${Math.round(retryAfterMs / 1000)} s`;
  return { ok: false, retryable, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), message: `${what} answered ${status}${statusText}${said}${verdict}${waitWord}` };
}

/** A Retry-After header (delay in seconds, or an HTTP date) as milliseconds from now; nothing when absent, unreadable or past. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** Throws (TypeError) on what fetch could never send: a header value with a line break, say. */
function requestInit(request: ServiceRequest, idempotencyKey: string): RequestInit {
  const headers = new Headers();
  for (const { name, value } of request.headers) headers.append(name, value);
  // Ours, whatever the step says: it is what makes a repeated attempt recognisable.
  headers.set("Idempotency-Key", idempotencyKey);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  const hasBody = Object.hasOwn(request, "body");
  if (hasBody && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  return { method: request.method, headers, body: hasBody ? JSON.stringify(request.body ?? null) : undefined, redirect: "follow" };
}

async function readText(answer: Response): Promise<string> {
  if (!answer.body) return "";
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => {});
      throw new PermanentJobError(`answered ${answer.status} with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB, which Baton does not read`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON when it is JSON, else the text; null when empty. */
function parseBody(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}
