import { beforeAll, describe, expect, it } from "vitest";
import { sendNotification } from "@baton/runtime";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `notifications.*`: the caller's own bell, and nobody else's. */
const { db, callerAs } = seededRouter();

const send = (users: string[], subject: string, at: string) =>
  sendNotification(db(), { users, groups: [], instanceId: null, kind: "alert", subject, message: `${subject}, in full`, at });

describe("notifications router", () => {
  beforeAll(async () => {
    await send(["sam"], "First", "2026-03-02T09:00:00.000Z");
    await send(["sam", "shay"], "Second", "2026-03-02T10:00:00.000Z");
    await send(["sam"], "Third", "2026-03-02T11:00:00.000Z");
  });

  it("lists the caller's own, newest first, a page at a time, and counts the unread", async () => {
    const sam = await callerAs("sam");
    const page = await sam.notifications.list({ limit: 2 });
    expect(page.items.map((n) => n.subject)).toEqual(["Third", "Second"]);
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      kind: "alert",
      subject: "Third",
      message: "Third, in full",
      createdAt: "2026-03-02T11:00:00.000Z",
      readAt: null,
      link: null,
    });
    const rest = await sam.notifications.list({ limit: 2, cursor: page.nextCursor });
    expect(rest).toEqual({ items: [expect.objectContaining({ subject: "First" })], nextCursor: null });
    expect((await sam.notifications.list()).items).toHaveLength(3);
    expect(await sam.notifications.unreadCount()).toEqual({ count: 3 });
    expect((await (await callerAs("shay")).notifications.list()).items.map((n) => n.subject)).toEqual(["Second"]);
  });

  it("marks one read, and refuses to read or mark anyone else's", async () => {
    const [sam, shay] = [await callerAs("sam"), await callerAs("shay")];
    const [third] = (await sam.notifications.list({ limit: 1 })).items;
    expect(await sam.notifications.markRead({ id: third!.id })).toEqual({ id: third!.id, readAt: expect.any(String) });
    expect(await sam.notifications.unreadCount()).toEqual({ count: 2 });

    const shays = (await shay.notifications.list()).items[0]!.id;
    const notYours = await errorOf(sam.notifications.markRead({ id: shays }));
    expect(notYours.code).toBe("NOT_FOUND");
    expect(notYours.message).toBe(`Notification "${shays}" was not found.`);
    expect((await errorOf(sam.notifications.list({ cursor: shays }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(sam.notifications.markAllRead({ upTo: shays }))).code).toBe("BAD_REQUEST");
    expect(await shay.notifications.unreadCount()).toEqual({ count: 1 });
  });

  it("marks all read up to the newest shown, leaving other people's unread", async () => {
    const [sam, shay] = [await callerAs("sam"), await callerAs("shay")];
    const second = (await sam.notifications.list()).items.find((n) => n.subject === "Second")!;
    expect(await sam.notifications.markAllRead({ upTo: second.id })).toEqual({ marked: 2 });
    expect(await sam.notifications.unreadCount()).toEqual({ count: 0 });
    await send(["sam"], "Fourth", "2026-03-02T12:00:00.000Z");
    expect(await sam.notifications.markAllRead()).toEqual({ marked: 1 });
    expect(await shay.notifications.unreadCount()).toEqual({ count: 1 });
  });

  it("refuses bad input with the field named, and anonymous callers", async () => {
    const sam = await callerAs("sam");
    const tooMany = await errorOf(sam.notifications.list({ limit: 500 }));
    expect(tooMany.code).toBe("BAD_REQUEST");
    const anonymous = await callerAs(null);
    for (const call of [anonymous.notifications.list(), anonymous.notifications.unreadCount(), anonymous.notifications.markAllRead()]) {
      expect((await errorOf(call)).code).toBe("UNAUTHORIZED");
    }
  });
});
