import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { apiTokens, auditEvents, testDatabaseTargets } from "@baton/db";
import { actorForToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import { sha256 } from "./canonical-hash.ts";
import type { UserError } from "./errors.ts";
import { setMembership, setUserDisabled } from "./user-admin.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

/** Personal API tokens: created by an admin or for oneself, shown once, found by hash, refused when revoked or expired. */
const targets = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);
const at = (iso: string) => new Date(iso);

describeOnEachDatabase("API tokens", targets, (fx) => {
  it("gives the secret once and keeps only its hash; the token speaks for its user with their groups", async () => {
    const admin = await fx.as("admin");
    await setMembership(fx.db, admin, { username: "sam", group: "message-senders", member: true });
    const { token, secret } = await createApiToken(fx.db, admin, { username: "sam", name: "  Web shop  " }, { now: at("2026-03-01T10:00:00Z") });
    expect(secret).toMatch(/^baton_[A-Za-z0-9_-]{43}$/);
    expect(token).toEqual({
      id: expect.any(String),
      username: "sam",
      name: "Web shop",
      prefix: secret.slice(0, 12),
      createdAt: "2026-03-01T10:00:00.000Z",
      createdBy: "admin",
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      status: "active",
    });
    const [row] = await fx.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.tokenHash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const [audited] = await fx.db.select().from(auditEvents).where(eq(auditEvents.type, "apiToken.created"));
    expect(JSON.stringify(audited!.data)).not.toContain(secret);

    const actor = await actorForToken(fx.db, secret, at("2026-03-01T10:05:00Z"));
    expect(actor).toEqual(await fx.as("sam"));
    expect(actor.groups.map((g) => g.key)).toContain("message-senders");
    expect((await listApiTokens(fx.db, admin, { username: "sam" }))[0]!.lastUsedAt).toBe("2026-03-01T10:05:00.000Z");
  });

  it("notes the last use at most once a minute", async () => {
    const sam = await fx.as("sam");
    const { token, secret } = await createApiToken(fx.db, sam, { username: "sam", name: "Minute" }, { now: at("2026-03-02T08:00:00Z") });
    const lastUsed = async () => (await listApiTokens(fx.db, sam)).find((t) => t.id === token.id)!.lastUsedAt;
    await actorForToken(fx.db, secret, at("2026-03-02T09:00:00Z"));
    await actorForToken(fx.db, secret, at("2026-03-02T09:00:30Z"));
    expect(await lastUsed()).toBe("2026-03-02T09:00:00.000Z");
    await actorForToken(fx.db, secret, at("2026-03-02T09:01:01Z"));
    expect(await lastUsed()).toBe("2026-03-02T09:01:01.000Z");
  });

  it("refuses unknown, revoked and expired tokens and disabled users, saying why", async () => {
    const admin = await fx.as("admin");
    const now = at("2026-04-01T12:00:00Z");
    const refusal = async (secret: string, when = now) => {
      const error = await failure(actorForToken(fx.db, secret, when));
      expect(error?.code).toBe("UNAUTHENTICATED");
      return error!.message;
    };
    expect(await refusal("not-a-token")).toMatch(/not a Baton API token: one starts with "baton_"/);
    expect(await refusal("baton_made-up")).toMatch(/not known to Baton/);

    const expiring = await createApiToken(fx.db, admin, { username: "dana", name: "Short", expiresInDays: 2 }, { now });
    expect(expiring.token.expiresAt).toBe("2026-04-03T12:00:00.000Z");
    expect((await actorForToken(fx.db, expiring.secret, at("2026-04-03T11:59:00Z"))).username).toBe("dana");
    expect(await refusal(expiring.secret, at("2026-04-03T12:00:00Z"))).toBe('The API token "Short" expired on 2026-04-03T12:00:00.000Z; ask for a new one.');

    const revoked = await createApiToken(fx.db, admin, { username: "dana", name: "Gone" }, { now });
    expect(await revokeApiToken(fx.db, admin, { id: revoked.token.id }, { now })).toMatchObject({ status: "revoked", revokedAt: now.toISOString() });
    expect(await refusal(revoked.secret)).toBe('The API token "Gone" was revoked on 2026-04-01T12:00:00.000Z; ask for a new one.');
    expect((await failure(revokeApiToken(fx.db, admin, { id: revoked.token.id })))?.code).toBe("CONFLICT");

    const shay = await createApiToken(fx.db, admin, { username: "shay", name: "Shipping robot" }, { now });
    await setUserDisabled(fx.db, admin, { username: "shay", disabled: true });
    expect(await refusal(shay.secret)).toBe('The API token "Shipping robot" belongs to "shay", who is disabled.');
    expect((await failure(createApiToken(fx.db, admin, { username: "shay", name: "Another" })))?.message).toMatch(/"shay" is disabled/);
    await setUserDisabled(fx.db, admin, { username: "shay", disabled: false });
    expect((await actorForToken(fx.db, shay.secret, now)).username).toBe("shay");
  });

  it("lets users manage only their own tokens; admins see and revoke all", async () => {
    const admin = await fx.as("admin");
    const sara = await fx.as("sara");
    const own = await createApiToken(fx.db, sara, { username: "sara", name: "My script" });
    expect(own.token.createdBy).toBe("sara");
    expect((await failure(createApiToken(fx.db, sara, { username: "sam", name: "Not mine" })))?.code).toBe("FORBIDDEN");
    expect((await failure(listApiTokens(fx.db, sara, { username: "sam" })))?.code).toBe("FORBIDDEN");
    expect((await listApiTokens(fx.db, sara)).map((t) => t.username)).toEqual(["sara"]);
    const everyone = new Set((await listApiTokens(fx.db, admin)).map((t) => t.username));
    expect([...everyone].sort()).toEqual(expect.arrayContaining(["dana", "sam", "sara"]));
    expect(JSON.stringify(await listApiTokens(fx.db, admin))).not.toContain(own.secret);

    const sams = (await listApiTokens(fx.db, admin, { username: "sam" }))[0]!;
    expect((await failure(revokeApiToken(fx.db, sara, { id: sams.id })))?.message).toBe(`API token "${sams.id}" was not found.`);
    expect((await failure(revokeApiToken(fx.db, sara, { id: "nonsense" })))?.code).toBe("NOT_FOUND");
    expect((await revokeApiToken(fx.db, sara, { id: own.token.id })).status).toBe("revoked");
    expect((await revokeApiToken(fx.db, admin, { id: sams.id })).status).toBe("revoked");
  });

  it("checks the name and the expiry, naming the field", async () => {
    const admin = await fx.as("admin");
    const blank = await failure(createApiToken(fx.db, admin, { username: "sam", name: "  " }));
    expect(blank?.fieldErrors).toEqual([{ path: "name", message: "enter a name" }]);
    const long = await failure(createApiToken(fx.db, admin, { username: "sam", name: "x".repeat(101) }));
    expect(long?.fieldErrors?.[0]?.path).toBe("name");
    for (const days of [0, 1.5, 3651]) {
      const bad = await failure(createApiToken(fx.db, admin, { username: "sam", name: "Bad", expiresInDays: days }));
      expect(bad?.fieldErrors?.[0]?.path).toBe("expiresInDays");
    }
    expect((await failure(createApiToken(fx.db, admin, { username: "nobody", name: "Ghost" })))?.message).toBe('User "nobody" was not found.');
  });
});
