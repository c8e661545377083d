import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { jobs, testDatabaseTargets } from "@baton/db";
import type { MailSettings } from "../mail-settings.ts";
import { EMAIL_JOB, sendNotification } from "../notifications.ts";
import { alertAt } from "../test-support/alert.ts";
import { describeOnEachDatabase } from "../test-support/runtime-fixture.ts";
import { startSmtpSink, type SmtpSink } from "../test-support/smtp-sink.ts";
import { sendEmailJob } from "./send-email.ts";
import { runDueJobs } from "./worker.ts";

const targets = await testDatabaseTargets();
const AT = "2026-03-02T09:30:00.000Z";
const at = (offsetMs: number) => () => new Date(Date.parse(AT) + offsetMs);
const FROM = "Baton <baton@example.com>";
const sender = { name: "Baton", address: "baton@example.com" };

const alert = alertAt(AT, "3 × Desk to Graz, by Friday.\nDock 2.");

/** Refusals the sink gives by address; tests change them as they go. */
const refusals = new Map<string, { code: number; message: string }>();
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ credentials: { user: "baton", pass: "s3cret:/@" }, answer: (to) => refusals.get(to) ?? null });
});
afterAll(async () => sink?.close());

describeOnEachDatabase("the email job over a real SMTP server", targets, (fx) => {
  let mail: MailSettings;
  const emailJobs = () => fx.db.select().from(jobs).where(eq(jobs.type, EMAIL_JOB));
  const runWith = (settings: MailSettings | null, now = at(0)) => runDueJobs(fx.db, { handlers: { [EMAIL_JOB]: sendEmailJob(settings) }, now, retryDelayMs: 60_000 });

  // The demo users have <name>@example.com addresses.
  beforeAll(() => {
    mail = { smtpUrl: sink.url, from: FROM };
  });
  beforeEach(async () => {
    await fx.db.delete(jobs);
    sink.received.length = 0;
    refusals.clear();
  });

  it("delivers each recipient's e-mail with their address, the subject and the text", async () => {
    await sendNotification(fx.db, alert({ groups: ["shipping"], users: ["sam"] }), { mail });
    expect(await runWith(mail)).toBe(2);

    const byRecipient = [...sink.received].sort((a, b) => a.envelope.to[0]!.localeCompare(b.envelope.to[0]!));
    expect(byRecipient.map((m) => ({ envelope: m.envelope, to: m.to, from: m.from, subject: m.subject, text: m.text.trim(), user: m.user }))).toEqual([
      { envelope: { from: "baton@example.com", to: ["sam@example.com"] }, to: [{ name: "Sam Sales", address: "sam@example.com" }], from: [sender], subject: "Ship order A-17", text: "3 × Desk to Graz, by Friday.\nDock 2.", user: "baton" },
      { envelope: { from: "baton@example.com", to: ["shay@example.com"] }, to: [{ name: "Shay Shipping", address: "shay@example.com" }], from: [sender], subject: "Ship order A-17", text: "3 × Desk to Graz, by Friday.\nDock 2.", user: "baton" },
    ]);
    const done = await emailJobs();
    expect(done.map((j) => j.status)).toEqual(["done", "done"]);
    // The Message-ID comes from the job, so a resend after a lost answer is recognisably the same mail.
    expect(byRecipient.map((m) => m.messageId).sort()).toEqual(done.map((j) => `<${j.id}@example.com>`).sort());
  });

  it("fails at once, saying why, when the server refuses the recipient for good; the others still go", async () => {
    refusals.set("shay@example.com", { code: 550, message: "No such mailbox" });
    await sendNotification(fx.db, alert({ users: ["shay", "sara"] }), { mail });
    await runWith(mail);
    expect(sink.received.map((m) => m.envelope.to)).toEqual([["sara@example.com"]]);
    const byAddress = Object.fromEntries((await emailJobs()).map((j) => [(j.payload as { to: { address: string } }).to.address, j]));
    expect(byAddress["sara@example.com"]).toMatchObject({ status: "done" });
    expect(byAddress["shay@example.com"]).toMatchObject({ status: "failed", attempts: 1 });
    expect(byAddress["shay@example.com"]!.lastError).toMatch(/^E-mail to shay@example.com was not sent: the SMTP server answered 550.*No such mailbox/);
  });

  it("tries again later when the server says to, and then delivers", async () => {
    refusals.set("sara@example.com", { code: 451, message: "Try again later" });
    await sendNotification(fx.db, alert({ users: ["sara"], subject: "Greylisted" }), { mail });
    await runWith(mail);
    const [waiting] = await emailJobs();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting!.lastError).toMatch(/answered 451/);
    expect(sink.received).toEqual([]);
    // Not due again before the backoff has passed.
    expect(await runWith(mail, at(30_000))).toBe(0);

    refusals.clear();
    expect(await runWith(mail, at(60_000))).toBe(1);
    expect(sink.received.map((m) => [m.envelope.to, m.subject])).toEqual([[["sara@example.com"], "Greylisted"]]);
    expect((await emailJobs())[0]).toMatchObject({ status: "done", attempts: 2, lastError: null });
  });

  it("retries while the SMTP server cannot be reached", async () => {
    await sendNotification(fx.db, alert({ users: ["sam"] }), { mail });
    const down = await startSmtpSink();
    await down.close();
    await runWith({ smtpUrl: down.url, from: FROM });
    const [job] = await emailJobs();
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job!.lastError).toMatch(/^E-mail to sam@example.com was not sent: the SMTP server could not be reached or used \(.*ECONNREFUSED/);
  });

  it("fails at once with wrong credentials", async () => {
    await sendNotification(fx.db, alert({ users: ["sam"] }), { mail });
    await runWith({ smtpUrl: sink.url.replace("s3cret", "wrong"), from: FROM });
    const [job] = await emailJobs();
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job!.lastError).toMatch(/answered 535/);
    expect(sink.received).toEqual([]);
  });

  it("fails, saying so, on a server without e-mail configured or with a malformed payload", async () => {
    await sendNotification(fx.db, alert({ users: ["sam"] }), { mail });
    await runWith(null);
    expect((await emailJobs())[0]).toMatchObject({
      status: "failed",
      lastError: "E-mail is not configured on this server (set BATON_SMTP_URL and BATON_MAIL_FROM), so the e-mail was not sent.",
    });

    await fx.db.delete(jobs);
    const [bad] = await fx.db.insert(jobs).values({ type: EMAIL_JOB, payload: { to: { name: "Sam" }, subject: "x", text: "" }, dueAt: AT }).returning();
    await runWith(mail);
    expect((await emailJobs())[0]).toMatchObject({ status: "failed", lastError: `email job ${bad!.id} has a malformed payload: to.address: Invalid input: expected string, received undefined` });
    expect(sink.received).toEqual([]);
  });
});
