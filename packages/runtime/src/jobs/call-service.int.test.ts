import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { auditEvents, instances, jobs, tasks, testDatabaseTargets } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "../actor.ts";
import type { UserError } from "../errors.ts";
import { retryIncident, skipIncident } from "../incident-actions.ts";
import { publishDefinition } from "../publish.ts";
import { startInstance } from "../start-instance.ts";
import { startHttpService, type HttpService } from "../test-support/http-service.ts";
import { describeOnEachDatabase } from "../test-support/runtime-fixture.ts";
import { callServiceJob } from "./call-service.ts";
import { jobHandlers } from "./handlers.ts";
import { raiseJobIncident } from "./job-failed.ts";
import type { AnyJobHandler, ExternalJobHandler } from "./job-handler.ts";
import { SERVICE_CALL_JOB } from "./service-call-job.ts";
import { runDueJobs } from "./worker.ts";

const targets = await testDatabaseTargets();

let service: HttpService;
beforeAll(async () => {
  service = await startHttpService({ status: 200, body: { score: 640, by: "bureau" } });
});
afterAll(async () => service?.close());

/**
 * Credit application, cut down to its scoring: the applicant's name and
 * amount go to the scoring service (3 retries, 1 s timeout), the score
 * lands in a variable, and a clerk decides.
 */
const scoring = (url: string): ProcessDefinitionInput => ({
  schemaVersion: 1,
  key: "scoring",
  name: "Scoring",
  steps: [
    {
      id: "start",
      kind: "start",
      name: "Application",
      position: { x: 0, y: 0 },
      starters: [],
      form: {
        schemaVersion: 1,
        blocks: [
          { id: "f-name", type: "text", key: "name", label: "Name", required: true },
          { id: "f-amount", type: "number", key: "amount", label: "Amount", required: true },
        ],
      },
    },
    {
      id: "score",
      kind: "serviceCall",
      name: "Score",
      position: { x: 100, y: 0 },
      request: {
        method: "POST",
        url: `${url}/applicants/{{name}}/score`,
        headers: [
          { name: "Authorization", value: "Bearer s3cret" },
          { name: "X-Applicant", value: "{{name}}" },
        ],
        body: "{ applicant: name, amount: amount }",
      },
      outputs: [
        { from: "response.body.score", to: "score" },
        { from: "response.body.by", to: "scoredBy" },
      ],
      retries: 3,
      timeoutSeconds: 1,
    },
    { id: "decide", kind: "userTask", name: "Decide", position: { x: 200, y: 0 }, assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Done", position: { x: 300, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "score" },
    { id: "c2", source: "score", target: "decide" },
    { id: "c3", source: "decide", target: "done" },
  ],
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const fails = (n: number, status = 503) => Array.from({ length: n }, () => ({ status, body: { error: "busy" } }));

describeOnEachDatabase("service calls run by the job worker against a real HTTP service", targets, (fx) => {
  let dana: Actor;
  let admin: Actor;
  const t0 = new Date("2026-03-02T08:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  /** One poll of the worker at t0 + ms; retries back off by a minute, doubling. */
  const run = (ms: number, handlers: Record<string, AnyJobHandler> = jobHandlers(), maxRetryDelayMs?: number) =>
    runDueJobs(fx.db, { handlers, now: () => at(ms), retryDelayMs: MINUTE, maxRetryDelayMs, onFailed: raiseJobIncident });
  const start = (name: string, amount = 25_000) => startInstance(fx.db, dana, { processKey: "scoring", data: { name, amount } }, { now: t0 });
  const instance = async (id: string) => {
    const [row] = await fx.db.select().from(instances).where(eq(instances.id, id));
    return { status: row!.status, variables: row!.variables as Record<string, unknown>, state: row!.state as InstanceState };
  };
  const serviceJobs = (instanceId: string) =>
    fx.db.select().from(jobs).where(and(eq(jobs.instanceId, instanceId), eq(jobs.type, SERVICE_CALL_JOB))).orderBy(asc(jobs.createdAt));
  const openTasks = async (instanceId: string) =>
    (await fx.db.select({ name: tasks.name }).from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, "open")))).map((t) => t.name);
  const auditTypes = async (instanceId: string) =>
    (await fx.db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.instanceId, instanceId)).orderBy(asc(auditEvents.id))).map((e) => e.type);

  beforeAll(async () => {
    await publishDefinition(fx.db, await fx.as("ana"), scoring(service.url));
    dana = await fx.as("dana");
    admin = await fx.as("admin");
  });
  beforeEach(async () => {
    await fx.db.delete(jobs);
    service.received.length = 0;
    service.answers.length = 0;
  });

  it("retries with a doubling backoff until the service answers, with one Idempotency-Key, and maps the answer into variables", async () => {
    service.answers.push(...fails(2));
    const { instanceId } = await start("Ada Lovelace");
    const [job] = await serviceJobs(instanceId);
    expect(job).toMatchObject({ status: "pending", maxAttempts: 4, attempts: 0 });
    expect(Date.parse(job!.dueAt)).toBe(t0.getTime());

    expect(await run(0)).toBe(1);
    expect(await serviceJobs(instanceId)).toEqual([expect.objectContaining({ status: "pending", attempts: 1, lastError: `POST ${service.url}/applicants/Ada%20Lovelace/score answered 503 Service Unavailable: {"error":"busy"}` })]);
    expect(await run(MINUTE - 1)).toBe(0);
    expect(await run(MINUTE)).toBe(1);
    expect(await run(3 * MINUTE - 1)).toBe(0);
    expect(await openTasks(instanceId)).toEqual([]);
    expect(await run(3 * MINUTE)).toBe(1);

    expect(service.received).toHaveLength(3);
    const key = job!.ref!;
    for (const request of service.received) {
      expect(request).toMatchObject({ method: "POST", path: "/applicants/Ada%20Lovelace/score" });
      expect(request.headers).toMatchObject({ "idempotency-key": key, authorization: "Bearer s3cret", "x-applicant": "Ada Lovelace", "content-type": "application/json", accept: "application/json" });
      expect(JSON.parse(request.body)).toEqual({ applicant: "Ada Lovelace", amount: 25_000 });
    }
    expect(await serviceJobs(instanceId)).toEqual([expect.objectContaining({ status: "done", attempts: 3, lastError: null })]);
    const after = await instance(instanceId);
    expect(after.variables).toMatchObject({ score: 640, scoredBy: "bureau" });
    expect(after.status).toBe("running");
    expect(await openTasks(instanceId)).toEqual(["Decide"]);
    expect(await auditTypes(instanceId)).toEqual(expect.arrayContaining(["variables.changed", "service.answered", "task.created"]));
  });

  it("waits as long as the service asks (Retry-After) when that is longer than its own backoff", async () => {
    service.answers.push({ status: 429, body: { error: "slow down" }, headers: { "Retry-After": "600" } }, { status: 503, headers: { "Retry-After": "1" } });
    const { instanceId } = await start("Frances Allen");
    expect(await run(0)).toBe(1);
    const [job] = await serviceJobs(instanceId);
    expect(job!.lastError).toMatch(/answered 429 Too Many Requests: \{"error":"slow down"\}; asked to wait 600 s$/);
    expect(Date.parse(job!.dueAt)).toBe(at(10 * MINUTE).getTime());
    expect(await run(10 * MINUTE - 1)).toBe(0);
    // Asked for 1 s, the doubled backoff (2 min) is longer: the backoff wins.
    expect(await run(10 * MINUTE)).toBe(1);
    expect(Date.parse((await serviceJobs(instanceId))[0]!.dueAt)).toBe(at(12 * MINUTE).getTime());
    expect(await run(12 * MINUTE)).toBe(1);
    expect(await openTasks(instanceId)).toEqual(["Decide"]);
  });

  it("never pauses longer than the worker's longest backoff", async () => {
    service.answers.push(...fails(3));
    const { instanceId } = await start("Frances Allen");
    const capped = (ms: number) => run(ms, jobHandlers(), 90_000);
    for (const ms of [0, MINUTE]) expect(await capped(ms)).toBe(1);
    expect(await capped(MINUTE + 90_000 - 1)).toBe(0);
    expect(await capped(MINUTE + 90_000)).toBe(1);
    expect(await capped(MINUTE + 180_000)).toBe(1);
    expect(await openTasks(instanceId)).toEqual(["Decide"]);
  });

  it("calls again with the same key when the answer was lost before it was stored: at least once, recognisably", async () => {
    const { instanceId } = await start("Grace Hopper");
    const calling = callServiceJob();
    const lostAfterCalling: ExternalJobHandler = {
      ...calling,
      async apply(tx, job, response, now) {
        await calling.apply!(tx, job, response, now);
        throw new Error("the connection to the database broke before the commit");
      },
    };
    await run(0, { [SERVICE_CALL_JOB]: lostAfterCalling });
    expect((await instance(instanceId)).variables).not.toHaveProperty("score");
    expect(await run(MINUTE)).toBe(1);
    expect((await instance(instanceId)).variables).toMatchObject({ score: 640 });
    expect(service.received.map((r) => r.headers["idempotency-key"])).toEqual([(await serviceJobs(instanceId))[0]!.ref, (await serviceJobs(instanceId))[0]!.ref]);
  });

  it("calls while holding no transaction: the job's and the instance's rows are free (and on PGlite its one connection)", async () => {
    let answer!: () => void;
    service.answers.push({ status: 200, body: { score: 700, by: "slow bureau" }, after: new Promise<void>((resolve) => (answer = resolve)) });
    const { instanceId } = await start("Barbara Liskov");
    const [job] = await serviceJobs(instanceId);
    const polled = run(0);
    await vi.waitFor(() => expect(service.received).toHaveLength(1));
    const locked = await fx.db.transaction(async (tx) => [
      ...(await tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, job!.id)).for("update", { noWait: true })),
      ...(await tx.select({ id: instances.id }).from(instances).where(eq(instances.id, instanceId)).for("update", { noWait: true })),
    ]);
    expect(locked).toEqual([{ id: job!.id }, { id: instanceId }]);
    answer();
    expect(await polled).toBe(1);
  });

  it("stores the answer once when a call outlived its lease: the worker that took the job over stores its own, the late one nothing", async () => {
    let late!: () => void;
    service.answers.push({ status: 200, body: { score: 1, by: "late" }, after: new Promise<void>((resolve) => (late = resolve)) });
    const { instanceId } = await start("Tony Hoare");
    const slow = run(0);
    await vi.waitFor(() => expect(service.received).toHaveLength(1));
    // The step's 1 s timeout and the lease's margin later, the job is due again; another worker takes it (the service answers 640).
    expect(await run(2 * MINUTE)).toBe(1);
    late();
    expect(await slow).toBe(1);
    expect((await instance(instanceId)).variables).toMatchObject({ score: 640, scoredBy: "bureau" });
    expect((await auditTypes(instanceId)).filter((type) => type === "service.answered")).toHaveLength(1);
    expect(await serviceJobs(instanceId)).toEqual([expect.objectContaining({ status: "done", attempts: 1 })]);
    const key = (await serviceJobs(instanceId))[0]!.ref;
    expect(service.received.map((r) => r.headers["idempotency-key"])).toEqual([key, key]);
  });

  it("waits no longer than the step's timeout, then tries again", async () => {
    service.answers.push("hang");
    const { instanceId } = await start("Alan Turing");
    expect(await run(0)).toBe(1);
    expect((await serviceJobs(instanceId))[0]).toMatchObject({ status: "pending", attempts: 1, lastError: `POST ${service.url}/applicants/Alan%20Turing/score: no answer within 1 s` });
    expect(await run(MINUTE)).toBe(1);
    expect(await openTasks(instanceId)).toEqual(["Decide"]);
    expect(service.received).toHaveLength(2);
  });

  it("raises a service.failed incident after the last retry; an admin's retry calls again with the same key and goes on", async () => {
    service.answers.push(...fails(4), ...fails(1, 500));
    const { instanceId } = await start("Edsger Dijkstra");
    for (const ms of [0, MINUTE, 3 * MINUTE]) expect(await run(ms)).toBe(1);
    expect((await instance(instanceId)).status).toBe("running");
    expect(await run(7 * MINUTE)).toBe(1);
    expect(await run(1000 * MINUTE)).toBe(0);

    const [job] = await serviceJobs(instanceId);
    expect(job).toMatchObject({ status: "failed", attempts: 4 });
    const failed = await instance(instanceId);
    expect(failed.status).toBe("incident");
    const [incident] = failed.state.incidents;
    expect(incident).toMatchObject({ stepId: "score", code: "service.failed", tokenId: job!.ref, at: at(7 * MINUTE).toISOString() });
    expect(incident!.message).toBe(`service call "Score" (score): POST ${service.url}/applicants/Edsger%20Dijkstra/score answered 503 Service Unavailable: {"error":"busy"} (attempt 4 of 4)`);

    // Sam may not; the admin retries with a corrected amount.
    const sam = await fx.as("sam");
    expect(((await retryIncident(fx.db, sam, { instanceId, incidentId: incident!.id }).catch((e) => e)) as UserError).code).toBe("FORBIDDEN");
    expect(await retryIncident(fx.db, admin, { instanceId, incidentId: incident!.id, variables: { amount: 20_000 } }, { now: at(HOUR) })).toEqual({ instanceId, status: "running" });
    const jobsNow = await serviceJobs(instanceId);
    expect(jobsNow.map((j) => [j.status, j.ref])).toEqual([["failed", job!.ref], ["pending", job!.ref]]);

    expect(await run(HOUR)).toBe(1); // the 500
    expect(await run(HOUR + MINUTE)).toBe(1);
    expect(await openTasks(instanceId)).toEqual(["Decide"]);
    expect(service.received).toHaveLength(6);
    expect(new Set(service.received.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([job!.ref]));
    expect(JSON.parse(service.received.at(-1)!.body)).toEqual({ applicant: "Edsger Dijkstra", amount: 20_000 });
    expect(await auditTypes(instanceId)).toEqual(expect.arrayContaining(["incident.raised", "incident.retried", "service.answered"]));
  });

  it("fails at once on an answer that will be the same next time (4xx), and an admin's skip moves on without calling", async () => {
    service.answers.push({ status: 404, text: "no such applicant" });
    const { instanceId } = await start("Barbara Liskov");
    expect(await run(0)).toBe(1);
    expect((await serviceJobs(instanceId))[0]).toMatchObject({ status: "failed", attempts: 1 });
    const [incident] = (await instance(instanceId)).state.incidents;
    expect(incident!.message).toBe(`service call "Score" (score): POST ${service.url}/applicants/Barbara%20Liskov/score answered 404 Not Found: no such applicant; an answer like this is not retried (attempt 1 of 4)`);

    expect(await skipIncident(fx.db, admin, { instanceId, incidentId: incident!.id, variables: { score: 500, scoredBy: "admin" } }, { now: at(HOUR) })).toEqual({ instanceId, status: "running" });
    expect(await openTasks(instanceId)).toEqual(["Decide"]);
    expect((await instance(instanceId)).variables).toMatchObject({ score: 500, scoredBy: "admin" });
    expect(await run(2 * HOUR)).toBe(0);
    expect(service.received).toHaveLength(1);
    const [skipped] = await fx.db.select().from(auditEvents).where(and(eq(auditEvents.instanceId, instanceId), eq(auditEvents.type, "incident.skipped")));
    expect(skipped).toMatchObject({ actorId: admin.userId, data: { incidentId: incident!.id, stepId: "score", code: "service.failed", variables: { score: 500, scoredBy: "admin" } } });
  });

  it("skips only stuck service calls, and says so for anything else", async () => {
    service.answers.push({ status: 400, body: { error: "bad" } });
    const { instanceId } = await start("Ken Thompson");
    await run(0);
    const [incident] = (await instance(instanceId)).state.incidents;
    const refused = async (promise: Promise<unknown>) => ((await promise.catch((e) => e)) as UserError).code;
    expect(await refused(skipIncident(fx.db, dana, { instanceId, incidentId: incident!.id }))).toBe("FORBIDDEN");
    expect(await refused(skipIncident(fx.db, admin, { instanceId, incidentId: "no-such-incident" }))).toBe("NOT_FOUND");
    expect(await refused(retryIncident(fx.db, admin, { instanceId: "not-an-id", incidentId: incident!.id }))).toBe("NOT_FOUND");

    // A note on the instance (a job of another kind gave up) stops no token: it is retried (resolved), not skipped.
    await fx.db.transaction(async (tx) => {
      const [timer] = await tx.insert(jobs).values({ instanceId, type: "timer", payload: { stepId: "decide" }, status: "failed" }).returning();
      await raiseJobIncident(tx, timer!, "the engine is unwell", at(0));
    });
    const note = (await instance(instanceId)).state.incidents.find((i) => i.code === "job.failed")!;
    const skipNote = (await skipIncident(fx.db, admin, { instanceId, incidentId: note.id }).catch((e) => e)) as UserError;
    expect(skipNote.code).toBe("CONFLICT");
    expect(skipNote.message).toBe("Only a stuck service call can be skipped; this incident (job.failed) stops no step, so retry it instead.");
    expect((await retryIncident(fx.db, admin, { instanceId, incidentId: note.id })).status).toBe("incident");
    expect((await instance(instanceId)).state.incidents.map((i) => i.code)).toEqual(["service.failed"]);
  });
});
