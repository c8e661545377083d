import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { auditEvents, instances, jobs, notifications, tasks, testDatabaseTargets, users } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import type { Actor } from "./actor.ts";
import { uploadAttachment } from "./attachments.ts";
import { completeTask } from "./complete-task.ts";
import { retryIncident } from "./incident-actions.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { SERVICE_CALL_JOB } from "./jobs/service-call-job.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask } from "./task-access.ts";
import { startHttpService, type HttpService } from "./test-support/http-service.ts";
import { describeOnEachDatabase, type RuntimeFixture } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

/** The one open task of an instance, claimed by `actor` when it sits in a group queue. */
async function openTask(fx: RuntimeFixture, instanceId: string, actor?: Actor) {
  const [task] = await fx.db.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, "open")));
  if (!task) throw new Error("no open task");
  if (actor && !task.assigneeId) await claimTask(fx.db, actor, task.id);
  return task;
}

async function alertsOf(fx: RuntimeFixture, instanceId: string) {
  return fx.db
    .select({ user: users.username, kind: notifications.kind, subject: notifications.subject })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.instanceId, instanceId))
    .orderBy(notifications.createdAt, users.username);
}

async function statusOf(fx: RuntimeFixture, instanceId: string) {
  const [row] = await fx.db.select({ status: instances.status, variables: instances.variables }).from(instances).where(eq(instances.id, instanceId));
  return row!;
}

describeOnEachDatabase("scenario 2: support request", targets, (fx) => {
  const t0 = new Date("2026-05-04T08:00:00.000Z");
  const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

  it("dispatches, escalates a late resolution back to the dispatcher, loops on a returned visa and closes", async () => {
    const dana = await fx.as("dana");
    const started = await startInstance(
      fx.db,
      dana,
      { processKey: "support-request", data: { client: "ACME", channel: "phone", subject: "Printer jams", description: "Every morning", urgency: "critical" } },
      { now: t0 },
    );
    expect((await statusOf(fx, started.instanceId)).variables).toMatchObject({ approvalOnLastStage: true });

    const dispatch = await openTask(fx, started.instanceId, dana);
    await completeTask(fx.db, dana, { taskId: dispatch.id, data: { responsible: "sam", helper: "sara" } }, { now: at(1) });
    expect(await alertsOf(fx, started.instanceId)).toEqual([{ user: "sara", kind: "alert", subject: "You are helping with: Printer jams" }]);

    // Critical: due 4 hours after it reached Sam; then a reminder, a day later back to the dispatcher.
    const resolve = await openTask(fx, started.instanceId);
    expect(Date.parse(resolve.dueAt!)).toBe(at(5).getTime());
    const tick = (hours: number) => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => at(hours) });
    await tick(5);
    expect((await alertsOf(fx, started.instanceId)).at(-1)).toEqual({ user: "sam", kind: "reminder", subject: 'Reminder: "Resolve the request" is due' });
    await tick(29);
    const moved = await openTask(fx, started.instanceId);
    const [danaRow] = await fx.db.select({ id: users.id }).from(users).where(eq(users.username, "dana"));
    expect(moved.assigneeId).toBe(danaRow!.id);

    // The dispatcher resolves it herself; the visa is hers too, and she returns it once.
    await completeTask(fx.db, dana, { taskId: moved.id, data: { resolution: "Cleaned the rollers" } }, { now: at(30) });
    const visa = await openTask(fx, started.instanceId);
    expect(visa.name).toBe("Approve the resolution");
    await completeTask(fx.db, dana, { taskId: visa.id, data: { decision: "reject", comment: "Replace the rollers instead" } }, { now: at(31) });
    const again = await openTask(fx, started.instanceId);
    expect(again.name).toBe("Resolve the request");
    await completeTask(fx.db, await fx.as("sam"), { taskId: again.id, data: { resolution: "Replaced the rollers" } }, { now: at(32) });
    const visa2 = await openTask(fx, started.instanceId);
    await completeTask(fx.db, dana, { taskId: visa2.id, data: { decision: "approve", comment: "" } }, { now: at(33) });

    const end = await statusOf(fx, started.instanceId);
    expect(end.status).toBe("completed");
    expect(end.variables).toMatchObject({ dispatcher: "dana", responsible: "sam", resolution: "Replaced the rollers", visa: { outcome: "approved" } });
    expect((await alertsOf(fx, started.instanceId)).at(-1)).toEqual({ user: "sam", kind: "alert", subject: "ACME's request is closed" });
    const audit = await fx.db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.instanceId, started.instanceId));
    expect(audit.filter((a) => a.type === "task.escalated")).toHaveLength(2);
  });
});

describeOnEachDatabase("scenario 3: citizen appeal", targets, (fx) => {
  const appeal = { citizenName: "Maria Lopez", contact: "maria@example.org", receivedOn: "2026-05-04", channel: "letter", appealText: "The street light is broken.", official: "sam" };

  it.each<[string, Record<string, unknown>, string, Record<string, unknown>, string]>([
    ["has a personal file: the appeal is attached to it", { fileExists: true, fileNumber: "PF-01234" }, "Attach the appeal to the personal file", { attachedOn: "2026-05-05" }, "PF-01234"],
    ["has none: a personal file is created", { fileExists: false }, "Create a personal file", { birthDate: "1980-02-03", address: "1 Main Street", fileNumber: "PF-04321" }, "PF-04321"],
  ])("%s, then the official answers and the appeal is closed", async (_title, lookup, branchTask, branchData, fileNumber) => {
    const dana = await fx.as("dana");
    const started = await startInstance(fx.db, dana, { processKey: "citizen-appeal", data: appeal });
    const find = await openTask(fx, started.instanceId, dana);
    await completeTask(fx.db, dana, { taskId: find.id, data: lookup });
    const branch = await openTask(fx, started.instanceId, dana);
    expect(branch.name).toBe(branchTask);
    await completeTask(fx.db, dana, { taskId: branch.id, data: branchData });

    const answer = await openTask(fx, started.instanceId);
    expect(answer.name).toBe("Prepare the answer");
    await completeTask(fx.db, await fx.as("sam"), { taskId: answer.id, data: { answer: "The light will be repaired this week." } });
    const send = await openTask(fx, started.instanceId, dana);
    await completeTask(fx.db, dana, { taskId: send.id, data: { sentOn: "2026-05-06", sentBy: "email" } });

    const end = await statusOf(fx, started.instanceId);
    expect(end.status).toBe("completed");
    expect(end.variables).toMatchObject({ citizenName: "Maria Lopez", official: "sam", fileNumber });
    expect(await alertsOf(fx, started.instanceId)).toEqual([{ user: "sam", kind: "alert", subject: "Your answer to Maria Lopez was sent" }]);
  });
});

describeOnEachDatabase("scenario 4: credit application", targets, (fx) => {
  const application = {
    applicantName: "Ada Lovelace",
    email: "ada@example.com",
    product: "mortgage",
    amount: 250_000,
    termMonths: 240,
    category: "standard",
    purpose: "A house by the sea",
    monthlyIncome: 6_500,
    loans: [{ lender: "City Bank", monthlyPayment: 310.5 }],
  };
  const t0 = new Date("2026-05-04T08:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const { purpose: _purpose, ...belowTheLimit } = application;
  const KEY = "scoring-key-for-tests";
  // The bank's scoring system: a real HTTP service on a local port, named by the server's secrets.
  let scoring: HttpService;
  const secrets = () => ({ SCORING_URL: `${scoring.url}/v1/score`, SCORING_KEY: KEY });
  const work = (ms: number, handlers = jobHandlers({ secrets: secrets() })) =>
    runDueJobs(fx.db, { handlers, now: () => at(ms), retryDelayMs: MINUTE, onFailed: raiseJobIncident });
  const open = (instanceId: string) => fx.db.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, "open")));
  const incidentsOf = async (instanceId: string) => {
    const [row] = await fx.db.select({ state: instances.state }).from(instances).where(eq(instances.id, instanceId));
    return (row!.state as InstanceState).incidents;
  };
  const scoringJobs = (instanceId: string) =>
    fx.db.select().from(jobs).where(and(eq(jobs.instanceId, instanceId), eq(jobs.type, SERVICE_CALL_JOB))).orderBy(asc(jobs.createdAt));
  const checkSecurity = async (instanceId: string, ms: number) => {
    const dana = await fx.as("dana");
    const security = (await open(instanceId)).find((t) => t.name === "Security check")!;
    await claimTask(fx.db, dana, security.id);
    await completeTask(fx.db, dana, { taskId: security.id, data: { identityVerified: true, securityOutcome: "clear" } }, { now: at(ms) });
  };

  beforeAll(async () => {
    scoring = await startHttpService({ status: 200, body: { score: 712, riskClass: "low", interestRate: 4.25 } });
  });
  afterAll(async () => scoring?.close());
  beforeEach(() => {
    scoring.received.length = 0;
    scoring.answers.length = 0;
  });

  it("scores by the scoring service while the security check runs, lets the committee's majority decide, cancels the vote no longer needed, tells the applicant (by e-mail) and the officer and prepares the contract", async () => {
    const sam = await fx.as("sam");
    const started = await startInstance(fx.db, sam, { processKey: "credit-application", data: application }, { now: t0 });
    const checks = await open(started.instanceId);
    expect(checks.map((t) => t.name)).toEqual(["Security check"]);

    // The worker scores it: the secrets filled in on the wire only.
    expect(await work(0)).toBe(1);
    expect(scoring.received).toHaveLength(1);
    const [request] = scoring.received;
    expect(request).toMatchObject({ method: "POST", path: "/v1/score" });
    expect(request!.headers).toMatchObject({ "x-api-key": KEY, "content-type": "application/json", "idempotency-key": expect.any(String) });
    expect(JSON.parse(request!.body)).toEqual({
      applicant: "Ada Lovelace",
      product: "mortgage",
      amount: 250_000,
      termMonths: 240,
      monthlyIncome: 6_500,
      loans: [{ lender: "City Bank", monthlyPayment: 310.5 }],
    });
    expect((await statusOf(fx, started.instanceId)).variables).toMatchObject({ score: 712, riskClass: "low", interestRate: 4.25 });
    expect((await open(started.instanceId)).map((t) => t.name)).toEqual(["Security check"]); // the join waits for it
    const stored = JSON.stringify([
      await scoringJobs(started.instanceId),
      await fx.db.select().from(auditEvents).where(eq(auditEvents.instanceId, started.instanceId)),
    ]);
    expect(stored).toContain("{{secrets.SCORING_URL}}");
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain(scoring.url);

    await checkSecurity(started.instanceId, MINUTE);

    // The committee: admin, dana and sara, each asked in person; a majority of two decides.
    const dana = await fx.as("dana");
    const votes = await open(started.instanceId);
    expect(votes.map((t) => t.name)).toEqual(["Committee vote", "Committee vote", "Committee vote"]);
    const byUser = async (username: string) => {
      const [user] = await fx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      return votes.find((t) => t.assigneeId === user!.id)!;
    };
    await completeTask(fx.db, dana, { taskId: (await byUser("dana")).id, data: { decision: "approve", comment: "Stable income" } }, { now: at(2 * MINUTE) });
    await completeTask(fx.db, await fx.as("sara"), { taskId: (await byUser("sara")).id, data: { decision: "approve", comment: "" } }, { now: at(3 * MINUTE) });
    const [adminVote] = await fx.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, (await byUser("admin")).id));
    expect(adminVote!.status).toBe("cancelled");
    expect((await alertsOf(fx, started.instanceId)).filter((a) => a.kind === "alert")).toEqual([
      { user: "sam", kind: "alert", subject: "Credit application of Ada Lovelace: approved" },
    ]);
    // The applicant is outside Baton: e-mail only, and this server has no e-mail configured, which the history says.
    const told = await fx.db.select({ data: auditEvents.data }).from(auditEvents).where(and(eq(auditEvents.instanceId, started.instanceId), eq(auditEvents.type, "notification.sent")));
    expect(told.map((e) => e.data)).toEqual([
      { stepId: "tellApproved", subject: "Credit application of Ada Lovelace: approved", recipients: ["sam"], emails: [application.email], notEmailed: "e-mail is not configured on this server" },
    ]);

    const contract = (await open(started.instanceId))[0]!;
    expect(contract.name).toBe("Prepare contract");
    await claimTask(fx.db, dana, contract.id);
    const scan = await uploadAttachment(fx.db, dana, { target: { taskId: contract.id }, field: "signedContract", name: "contract.pdf", contentType: "application/pdf", content: new TextEncoder().encode("%PDF signed") });
    await completeTask(fx.db, dana, { taskId: contract.id, data: { contractNumber: "CR-000042", signedAt: "2026-05-08T10:00:00.000Z", signedContract: [scan] } }, { now: at(4 * MINUTE) });
    const end = await statusOf(fx, started.instanceId);
    expect(end.status).toBe("completed");
    expect(end.variables).toMatchObject({ score: 712, committeeVote: { outcome: "approved", approvals: 2, rejections: 0 }, contractNumber: "CR-000042" });
  });

  it("retries while the scoring service is down, then stops under an incident; an admin's retry scores it once the service is back", async () => {
    const port = Number(new URL(scoring.url).port);
    await scoring.close();
    const sam = await fx.as("sam");
    const started = await startInstance(fx.db, sam, { processKey: "credit-application", data: { ...belowTheLimit, amount: 30_000 } }, { now: t0 });
    await checkSecurity(started.instanceId, 0);
    // Four retries after the first attempt, a minute apart and doubling.
    for (const ms of [0, 1, 3, 7]) {
      expect(await work(ms * MINUTE)).toBe(1);
      expect((await statusOf(fx, started.instanceId)).status).toBe("running");
    }
    expect(await work(15 * MINUTE - 1)).toBe(0);
    expect(await work(15 * MINUTE)).toBe(1);
    const [incident] = await incidentsOf(started.instanceId);
    expect(incident).toMatchObject({ stepId: "scoreApplication", code: "service.failed" });
    expect(incident!.message).toMatch(/^service call "Score the application" \(scoreApplication\): POST \{\{secrets\.SCORING_URL\}\} could not be reached: ECONNREFUSED.* \(attempt 5 of 5\)$/);
    expect((await statusOf(fx, started.instanceId)).status).toBe("incident");

    scoring = await startHttpService({ status: 200, body: { score: 455, riskClass: "medium", interestRate: 6.9 } }, port);
    await retryIncident(fx.db, await fx.as("admin"), { instanceId: started.instanceId, incidentId: incident!.id }, { now: at(HOUR) });
    expect(await work(HOUR)).toBe(1);
    expect(scoring.received).toHaveLength(1);
    const after = await statusOf(fx, started.instanceId);
    expect(after).toMatchObject({ status: "running", variables: { score: 455, riskClass: "medium", interestRate: 6.9 } });
    expect((await open(started.instanceId)).map((t) => t.name)).toEqual(["Credit officer decision"]);
  });

  it("fails at once, naming the secret, on a server without it; the admin retries once it is configured", async () => {
    const sam = await fx.as("sam");
    const started = await startInstance(fx.db, sam, { processKey: "credit-application", data: { ...belowTheLimit, amount: 20_000 } }, { now: t0 });
    expect(await work(0, jobHandlers({ secrets: { SCORING_URL: secrets().SCORING_URL } }))).toBe(1);
    expect(scoring.received).toHaveLength(0);
    expect((await scoringJobs(started.instanceId))[0]).toMatchObject({ status: "failed", attempts: 1 });
    const [incident] = await incidentsOf(started.instanceId);
    expect(incident!.message).toBe(
      'service call "Score the application" (scoreApplication): POST {{secrets.SCORING_URL}} needs the secret {{secrets.SCORING_KEY}}, which this server does not have: set BATON_SECRET_SCORING_KEY (or add it to BATON_SECRETS_FILE), restart the server and retry the incident (attempt 1 of 5)',
    );

    await retryIncident(fx.db, await fx.as("admin"), { instanceId: started.instanceId, incidentId: incident!.id }, { now: at(HOUR) });
    expect(await work(HOUR)).toBe(1);
    expect(scoring.received.map((r) => r.headers["x-api-key"])).toEqual([KEY]);
    expect((await statusOf(fx, started.instanceId)).variables).toMatchObject({ score: 455 });
  });
});
