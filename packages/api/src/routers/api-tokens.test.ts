import { describe, expect, it } from "vitest";
import { actorForToken } from "@baton/runtime";
import type { Context } from "../context.ts";
import { appRouter } from "../root.ts";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `apiTokens.*`: own tokens for everyone, anyone's for admins; a token cannot make another. */
const { db, callerAs } = seededRouter();

const callerWithToken = async (secret: string) =>
  appRouter.createCaller({
    db: db(),
    actor: await actorForToken(db(), secret),
    viaApiToken: true,
    now: () => new Date(),
    mail: null,
    session: { token: undefined, set: () => {}, clear: () => {} },
    clientAddress: "127.0.0.1",
  } satisfies Context);

describe("apiTokens router", () => {
  it("creates a token once, lists it without the secret, and revokes it", async () => {
    const admin = await callerAs("admin");
    const { token, secret } = await admin.apiTokens.create({ username: "sam", name: "Web shop", expiresInDays: 30 });
    expect(token).toMatchObject({ username: "sam", name: "Web shop", createdBy: "admin", status: "active" });
    const listed = await admin.apiTokens.list({ username: "sam" });
    expect(listed).toEqual([token]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await (await callerAs("sam")).apiTokens.list()).map((t) => t.id)).toEqual([token.id]);
    expect(await admin.apiTokens.revoke({ id: token.id })).toMatchObject({ id: token.id, status: "revoked" });
  });

  it("keeps people to their own tokens and asks for a session to make one", async () => {
    const sam = await callerAs("sam");
    const refused = await errorOf(sam.apiTokens.create({ username: "dana", name: "Not mine" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/Only admins may manage another user's API tokens/);
    expect((await errorOf(sam.apiTokens.list({ username: "dana" }))).code).toBe("FORBIDDEN");
    expect((await errorOf((await callerAs(null)).apiTokens.list())).code).toBe("UNAUTHORIZED");

    const { secret, token } = await sam.apiTokens.create({ username: "sam", name: "Script" });
    const viaToken = await callerWithToken(secret);
    const noMore = await errorOf(viaToken.apiTokens.create({ username: "sam", name: "Another" }));
    expect(noMore.code).toBe("FORBIDDEN");
    expect(noMore.message).toMatch(/made by a signed-in person/);
    // A leaked token can still be put out of use with itself.
    expect(await viaToken.apiTokens.revoke({ id: token.id })).toMatchObject({ status: "revoked" });
  });

  it("says which field is wrong", async () => {
    const admin = await callerAs("admin");
    const days = await errorOf(admin.apiTokens.create({ username: "sam", name: "x", expiresInDays: 0 }));
    expect(days.code).toBe("BAD_REQUEST");
    expect(days.message).toMatch(/expiresInDays/);
    const blank = await errorOf(admin.apiTokens.create({ username: "sam", name: " " }));
    expect(blank.message).toBe("Give the token a name, e.g. the system that will use it.");
  });
});
