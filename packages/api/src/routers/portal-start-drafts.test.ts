import { describe, expect, it } from "vitest";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `portal.startDraft`, `saveStartDraft`, `discardStartDraft`: the caller's own draft, for a process they may start. */
const { callerAs } = seededRouter();
const processKey = "credit-application"; // started by the sales group

describe("portal start drafts", () => {
  it("saves, resumes in another session, refuses a stale save, and discards", async () => {
    const sam = await callerAs("sam");
    expect(await sam.portal.startDraft({ processKey })).toBeNull();
    const first = await sam.portal.saveStartDraft({ processKey, data: { applicantName: "Ada" }, expectedVersion: null });
    expect(first.version).toBe(1);
    // Another device: a new session of the same user.
    const samElsewhere = await callerAs("sam");
    expect(await samElsewhere.portal.startDraft({ processKey })).toEqual({ data: { applicantName: "Ada" }, version: 1, updatedAt: first.updatedAt });
    await samElsewhere.portal.saveStartDraft({ processKey, data: { applicantName: "Ada Lovelace" }, expectedVersion: 1 });
    const stale = await errorOf(sam.portal.saveStartDraft({ processKey, data: { applicantName: "old tab" }, expectedVersion: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed in another window.*Nothing was overwritten/);
    expect((await errorOf(sam.portal.discardStartDraft({ processKey, expectedVersion: 1 }))).code).toBe("CONFLICT");
    expect(await sam.portal.discardStartDraft({ processKey, expectedVersion: 2 })).toEqual({ discarded: true });
    expect(await sam.portal.startDraft({ processKey })).toBeNull();
  });

  it("shows each user only their own draft", async () => {
    const [sam, sara] = [await callerAs("sam"), await callerAs("sara")];
    await sam.portal.saveStartDraft({ processKey, data: { applicantName: "Sam's applicant" }, expectedVersion: null });
    expect(await sara.portal.startDraft({ processKey })).toBeNull();
    // Sara's first save creates her own draft; it does not collide with Sam's.
    expect((await sara.portal.saveStartDraft({ processKey, data: { applicantName: "Sara's" }, expectedVersion: null })).version).toBe(1);
    expect((await sam.portal.startDraft({ processKey }))?.data).toEqual({ applicantName: "Sam's applicant" });
  });

  it("refuses anonymous callers, processes the caller may not start, and bad input", async () => {
    const [anonymous, dana, sam] = [await callerAs(null), await callerAs("dana"), await callerAs("sam")];
    expect((await errorOf(anonymous.portal.startDraft({ processKey }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(anonymous.portal.saveStartDraft({ processKey, data: {}, expectedVersion: null }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(anonymous.portal.discardStartDraft({ processKey, expectedVersion: 1 }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(dana.portal.startDraft({ processKey }))).code).toBe("FORBIDDEN");
    expect((await errorOf(dana.portal.saveStartDraft({ processKey, data: {}, expectedVersion: null }))).code).toBe("FORBIDDEN");
    expect((await errorOf(dana.portal.discardStartDraft({ processKey, expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    expect((await errorOf(sam.portal.startDraft({ processKey: "no-such-process" }))).code).toBe("NOT_FOUND");
    const badVersion = await errorOf(sam.portal.saveStartDraft({ processKey, data: {}, expectedVersion: 0 }));
    expect(badVersion.code).toBe("BAD_REQUEST");
    expect(badVersion.message).toMatch(/expectedVersion/);
  });

  it("removes the draft when the caller starts the process", async () => {
    const sam = await callerAs("sam");
    const draft = await sam.portal.startDraft({ processKey });
    await sam.portal.saveStartDraft({ processKey, data: { applicantName: "half" }, expectedVersion: draft?.version ?? null });
    await sam.portal.start({
      processKey,
      data: { applicantName: "Ada Lovelace", email: "ada@example.com", product: "consumer", amount: 12000, termMonths: 48, category: "standard" },
    });
    expect(await sam.portal.startDraft({ processKey })).toBeNull();
  });
});
