import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { notifications, tasks, testDatabaseTargets } from "@baton/db";
import type { Actor } from "./actor.ts";
import { ensureUser } from "./directory.ts";
import type { UserError } from "./errors.ts";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadNotificationCount } from "./notification-inbox.ts";
import { sendNotification } from "./notifications.ts";
import { startInstance } from "./start-instance.ts";
import { alertAt } from "./test-support/alert.ts";
import { describeOnEachDatabase, prospect } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const T0 = Date.parse("2026-03-02T09:00:00.000Z");
const minute = (n: number) => new Date(T0 + n * 60_000).toISOString();
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("the call succeeded"); }, (e: UserError) => ({ code: e.code, message: e.message }));

describeOnEachDatabase("a person's notifications", targets, (fx) => {
  let olga: Actor;
  let otto: Actor;
  beforeAll(async () => {
    for (const username of ["olga", "otto"]) await ensureUser(fx.db, { username, displayName: username, role: "participant", password: `${username}-test`, groups: [] });
    olga = await fx.as("olga");
    otto = await fx.as("otto");
    // Olga: #1..#5 at minutes 1..5, #6 and #7 at the same instant; Otto: one of his own.
    for (let n = 1; n <= 5; n++) await sendNotification(fx.db, alertAt(minute(n), `message ${n}`)({ users: ["olga"], subject: `#${n}` }));
    await sendNotification(fx.db, alertAt(minute(6), "same instant")({ users: ["olga"], subject: "#6" }));
    await sendNotification(fx.db, alertAt(minute(6), "same instant")({ users: ["olga"], subject: "#7" }));
    await sendNotification(fx.db, alertAt(minute(3), "for otto")({ users: ["otto"], subject: "otto's" }));
  });

  it("lists the reader's own, newest first, page by page without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listNotifications>> = await listNotifications(fx.db, olga, { limit: 2, cursor });
      seen.push(...page.items.map((n) => n.subject));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen.slice(2)).toEqual(["#5", "#4", "#3", "#2", "#1"]);
    expect(seen.slice(0, 2).sort()).toEqual(["#6", "#7"]);

    const [first] = (await listNotifications(fx.db, olga, { limit: 7 })).items.slice(-1);
    expect(first).toEqual({ id: expect.any(String), kind: "alert", subject: "#1", message: "message 1", createdAt: minute(1), readAt: null, link: null });
    expect((await listNotifications(fx.db, olga, { limit: 7 })).nextCursor).toBeNull();
    expect((await listNotifications(fx.db, otto)).items.map((n) => n.subject)).toEqual(["otto's"]);
  });

  it("refuses a limit out of range and a cursor that is not one of the reader's", async () => {
    expect(await failure(listNotifications(fx.db, olga, { limit: 0 }))).toEqual({ code: "INVALID_INPUT", message: '"limit" must be a whole number from 1 to 50, not 0.' });
    expect((await failure(listNotifications(fx.db, olga, { limit: 51 }))).code).toBe("INVALID_INPUT");
    const ottos = (await listNotifications(fx.db, otto)).items[0]!.id;
    expect(await failure(listNotifications(fx.db, olga, { cursor: ottos }))).toEqual({
      code: "INVALID_INPUT",
      message: `"cursor" must be the id of one of your notifications; "${ottos}" is not.`,
    });
    expect((await failure(listNotifications(fx.db, olga, { cursor: "page-2" }))).code).toBe("INVALID_INPUT");
  });

  it("counts unread, and marks one read once, the reader's own only", async () => {
    expect(await unreadNotificationCount(fx.db, olga)).toBe(7);
    const [newest] = (await listNotifications(fx.db, olga, { limit: 1 })).items;
    const read = await markNotificationRead(fx.db, olga, newest!.id, new Date(minute(10)));
    expect(read).toEqual({ id: newest!.id, readAt: minute(10) });
    // Read again later: the first reading stands.
    expect(await markNotificationRead(fx.db, olga, newest!.id, new Date(minute(20)))).toEqual(read);
    expect(await unreadNotificationCount(fx.db, olga)).toBe(6);

    const ottos = (await listNotifications(fx.db, otto)).items[0]!.id;
    expect(await failure(markNotificationRead(fx.db, olga, ottos, new Date()))).toEqual({ code: "NOT_FOUND", message: `Notification "${ottos}" was not found.` });
    expect((await failure(markNotificationRead(fx.db, olga, "nope", new Date()))).code).toBe("NOT_FOUND");
    expect(await unreadNotificationCount(fx.db, otto)).toBe(1);
  });

  it("marks all read up to the newest the reader was shown, leaving later ones and other people's", async () => {
    const shown = (await listNotifications(fx.db, olga)).items.find((n) => n.subject === "#4")!;
    expect(await markAllNotificationsRead(fx.db, olga, new Date(minute(30)), shown.id)).toEqual({ marked: 4 });
    // #1–#4 now; #5 and one of #6/#7 (the other was read in the test before) stay unread.
    const unread = (await listNotifications(fx.db, olga)).items.filter((n) => !n.readAt).map((n) => n.subject);
    expect(unread).toHaveLength(2);
    expect(unread[1]).toBe("#5");
    expect(await unreadNotificationCount(fx.db, olga)).toBe(2);

    const ottos = (await listNotifications(fx.db, otto)).items[0]!.id;
    expect((await failure(markAllNotificationsRead(fx.db, olga, new Date(), ottos))).code).toBe("INVALID_INPUT");
    expect(await markAllNotificationsRead(fx.db, olga, new Date(minute(40)))).toEqual({ marked: 2 });
    expect(await unreadNotificationCount(fx.db, olga)).toBe(0);
    expect(await unreadNotificationCount(fx.db, otto)).toBe(1);
  });

  it("links to the task for whoever may open it, else to the request, else nowhere", async () => {
    const started = await startInstance(fx.db, await fx.as("dana"), { processKey: "lead-to-customer", data: prospect });
    const [callBack] = await fx.db.select({ id: tasks.id, name: tasks.name }).from(tasks).where(eq(tasks.instanceId, started.instanceId));
    await sendNotification(
      fx.db,
      alertAt(minute(50), "")({ users: ["sam", "dana", "shay", "admin"], kind: "reminder", instanceId: started.instanceId, taskId: callBack!.id, subject: "Call back" }),
    );
    const linkOf = async (username: string) => (await listNotifications(fx.db, await fx.as(username), { limit: 1 })).items[0]!.link;
    const title = expect.stringMatching(/^Lead to customer #\d+ — Grace Hopper/);
    // Sam's group has the call-back; Dana started the request; Shay has no part in it.
    expect(await linkOf("sam")).toEqual({ to: "task", id: callBack!.id, label: expect.stringMatching(new RegExp(`^${callBack!.name} · Lead to customer #`)) });
    expect(await linkOf("dana")).toEqual({ to: "request", id: started.instanceId, label: title });
    expect(await linkOf("shay")).toBeNull();
    expect(await linkOf("admin")).toMatchObject({ to: "task", id: callBack!.id });
    await fx.db.delete(notifications).where(eq(notifications.subject, "Call back"));
  });
});
