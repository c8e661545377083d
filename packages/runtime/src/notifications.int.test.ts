import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { jobs, notifications, tasks, testDatabaseTargets, users, type Database } from "@baton/db";
import { ensureGroup, ensureUser } from "./directory.ts";
import { EMAIL_JOB, sendNotification } from "./notifications.ts";
import { startInstance } from "./start-instance.ts";
import { alertAt } from "./test-support/alert.ts";
import { describeOnEachDatabase, prospect } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const mail = { smtpUrl: "smtp://127.0.0.1:2525", from: "Baton <baton@example.com>" };
const AT = "2026-03-02T09:30:00.000Z";

/** An alert with nobody in it yet; each test names its own recipients. */
const alert = alertAt(AT, "3 × Desk to Graz");

/** Who holds a notification with this subject, by user name. */
async function holders(db: Database, subject: string) {
  const rows = await db
    .select({ username: users.username })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.subject, subject));
  return rows.map((r) => r.username).sort();
}

const emailJobs = (db: Database) => db.select().from(jobs).where(eq(jobs.type, EMAIL_JOB));

describeOnEachDatabase("in-app notifications and their e-mail jobs", targets, (fx) => {
  beforeAll(async () => {
    // The night shift: two members with addresses, one without, one disabled.
    await ensureGroup(fx.db, "night-shift", "Night shift");
    for (const [username, email] of [["nora", "nora@example.com"], ["nick", " nick@example.com "], ["nils", null], ["nina", "nina@example.com"]] as const) {
      await ensureUser(fx.db, { username, displayName: `${username[0]!.toUpperCase()}${username.slice(1)} Night`, role: "participant", password: `${username}-test`, groups: ["night-shift"] });
      await fx.db.update(users).set({ email }).where(eq(users.username, username));
    }
    await fx.db.update(users).set({ disabled: true }).where(eq(users.username, "nina"));
  });

  it("gives each member of a group, and each named user, one row of their own, unread", async () => {
    const sent = await sendNotification(fx.db, alert({ users: ["shay", "nora", "shay"], groups: ["night-shift", "shipping"], subject: "Group alert" }));
    // nora is named and a member, shay is named and in shipping: once each.
    expect(sent).toEqual({ recipients: ["nick", "nils", "nora", "shay"], emailed: [], unknown: [] });
    expect(await holders(fx.db, "Group alert")).toEqual(["nick", "nils", "nora", "shay"]);
    const [row] = await fx.db
      .select()
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(notifications.subject, "Group alert"), eq(users.username, "shay")));
    expect(row!.notifications).toMatchObject({ kind: "alert", message: "3 × Desk to Graz", instanceId: null, taskId: null, readAt: null });
    expect(new Date(row!.notifications.createdAt).toISOString()).toBe(AT);
  });

  it("leaves disabled users out, named or by group, without calling them unknown", async () => {
    const sent = await sendNotification(fx.db, alert({ users: ["nina"], subject: "Disabled named" }));
    expect(sent).toEqual({ recipients: [], emailed: [], unknown: [] });
    await sendNotification(fx.db, alert({ groups: ["night-shift"], subject: "Disabled by group" }));
    expect(await holders(fx.db, "Disabled by group")).toEqual(["nick", "nils", "nora"]);
  });

  it("names the users and groups Baton does not know, and an unknown group alone reaches nobody", async () => {
    const before = (await fx.db.select({ id: notifications.id }).from(notifications)).length;
    const sent = await sendNotification(fx.db, alert({ groups: ["warehouse"], subject: "Nobody" }));
    expect(sent).toEqual({ recipients: [], emailed: [], unknown: ['group "warehouse"'] });
    expect((await fx.db.select({ id: notifications.id }).from(notifications)).length).toBe(before);

    const mixed = await sendNotification(fx.db, alert({ users: ["ghost", "sam"], groups: ["warehouse", "shipping"], subject: "Mixed" }));
    expect(mixed).toEqual({ recipients: ["sam", "shay"], emailed: [], unknown: ['user "ghost"', 'group "warehouse"'] });
  });

  it("does nothing for an alert to nobody", async () => {
    expect(await sendNotification(fx.db, alert({}))).toEqual({ recipients: [], emailed: [], unknown: [] });
  });

  it("points at the instance and task it is about", async () => {
    const dana = await fx.as("dana");
    const started = await startInstance(fx.db, dana, { processKey: "lead-to-customer", data: prospect });
    const [task] = await fx.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.instanceId, started.instanceId));
    await sendNotification(fx.db, alert({ users: ["sam"], kind: "reminder", instanceId: started.instanceId, taskId: task!.id, subject: "Call back today" }));
    const [row] = await fx.db.select().from(notifications).where(eq(notifications.subject, "Call back today"));
    expect(row).toMatchObject({ kind: "reminder", instanceId: started.instanceId, taskId: task!.id });
  });

  it("gives a blank subject the kind's name and clips a very long one", async () => {
    await sendNotification(fx.db, alert({ users: ["sara"], kind: "escalation", subject: "  ", message: "blank subject" }));
    expect((await fx.db.select().from(notifications).where(eq(notifications.message, "blank subject")))[0]!.subject).toBe("Escalation");
    await sendNotification(fx.db, alert({ users: ["sara"], subject: "x".repeat(400), message: "long subject" }));
    const long = (await fx.db.select().from(notifications).where(eq(notifications.message, "long subject")))[0]!.subject;
    expect(long).toHaveLength(250);
    expect(long.endsWith("…")).toBe(true);
  });

  it("refuses a kind or time it does not know, and writes nothing", async () => {
    await expect(sendNotification(fx.db, alert({ users: ["sam"], kind: "memo" as never, subject: "Bad kind" }))).rejects.toThrow(/unknown kind "memo"/);
    await expect(sendNotification(fx.db, alert({ users: ["sam"], at: "yesterday", subject: "Bad time" }))).rejects.toThrow(/ISO 8601 instant, not "yesterday"/);
    expect(await holders(fx.db, "Bad kind")).toEqual([]);
    expect(await holders(fx.db, "Bad time")).toEqual([]);
  });

  it("enqueues one e-mail job per recipient with an address only when mail is configured", async () => {
    await sendNotification(fx.db, alert({ groups: ["night-shift"], subject: "No mail configured" }));
    expect(await emailJobs(fx.db)).toEqual([]);
    await sendNotification(fx.db, alert({ groups: ["night-shift"], subject: "No mail configured" }), { mail: null });
    expect(await emailJobs(fx.db)).toEqual([]);

    const sent = await sendNotification(fx.db, alert({ users: ["sam"], groups: ["night-shift"], subject: "Mail configured" }), { mail });
    // Sam has the demo address; Nils has none, Nina is disabled.
    expect(sent).toEqual({ recipients: ["nick", "nils", "nora", "sam"], emailed: ["nick", "nora", "sam"], unknown: [] });
    const queued = await emailJobs(fx.db);
    expect(queued.map((j) => j.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { to: { name: "Nick Night", address: "nick@example.com" }, subject: "Mail configured", text: "3 × Desk to Graz" },
      { to: { name: "Nora Night", address: "nora@example.com" }, subject: "Mail configured", text: "3 × Desk to Graz" },
      { to: { name: "Sam Sales", address: "sam@example.com" }, subject: "Mail configured", text: "3 × Desk to Graz" },
    ]);
    for (const job of queued) {
      expect(job).toMatchObject({ status: "pending", attempts: 0, instanceId: null });
      expect(new Date(job.dueAt).toISOString()).toBe(AT);
    }
    await fx.db.delete(jobs).where(inArray(jobs.id, queued.map((j) => j.id)));
  });

  it("e-mails people outside Baton by address only, once each, and only when mail is configured", async () => {
    const outside = alert({ users: ["nora"], emails: ["ada@example.com", "ada@example.com", "ben@example.org"], subject: "Your application" });
    expect(await sendNotification(fx.db, outside)).toEqual({ recipients: ["nora"], emailed: [], unknown: [] });
    expect(await emailJobs(fx.db)).toEqual([]);

    const sent = await sendNotification(fx.db, { ...outside, users: [] }, { mail });
    expect(sent).toEqual({ recipients: [], emailed: ["ada@example.com", "ben@example.org"], unknown: [] });
    const queued = await emailJobs(fx.db);
    expect(queued.map((j) => j.payload)).toEqual([
      { to: { name: "", address: "ada@example.com" }, subject: "Your application", text: "3 × Desk to Graz" },
      { to: { name: "", address: "ben@example.org" }, subject: "Your application", text: "3 × Desk to Graz" },
    ]);
    expect(await holders(fx.db, "Your application")).toEqual(["nora"]);
    await fx.db.delete(jobs).where(inArray(jobs.id, queued.map((j) => j.id)));
  });

  it("sends with an empty message the subject as the e-mail's text", async () => {
    await sendNotification(fx.db, alert({ users: ["nora"], subject: "Only a subject", message: "" }), { mail });
    const [job] = await emailJobs(fx.db);
    expect(job!.payload).toEqual({ to: { name: "Nora Night", address: "nora@example.com" }, subject: "Only a subject", text: "Only a subject" });
    await fx.db.delete(jobs).where(eq(jobs.id, job!.id));
  });

  it("writes in the caller's transaction: a rollback leaves no notification and no e-mail job", async () => {
    const failed = await fx.db
      .transaction(async (tx) => {
        await sendNotification(tx, alert({ groups: ["night-shift"], subject: "Rolled back" }), { mail });
        throw new Error("the step failed after notifying");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("the step failed after notifying");
    expect(await holders(fx.db, "Rolled back")).toEqual([]);
    expect(await emailJobs(fx.db)).toEqual([]);
  });
});
