import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, testDatabaseTargets, users } from "@baton/db";
import type { UserError } from "./errors.ts";
import { actorForSession, signIn } from "./sessions.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";
import { createGroup, createUser, generatePassword, listUsersAndGroups, resetPassword, setMembership, setUserDisabled, updateUser } from "./user-admin.ts";

const targets = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);

describeOnEachDatabase("user and group administration", targets, (fx) => {
  const now = () => new Date();

  it("creates a user with a generated password that signs in, in the groups asked for, audited without the password", async () => {
    const admin = await fx.as("admin");
    const { username, password } = await createUser(fx.db, admin, { username: "olga", displayName: "Olga Ops", email: "olga@example.com", role: "participant", groups: ["shipping", "sales"] });
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const { actor } = await signIn(fx.db, username, password, now());
    expect(actor.groups.map((g) => g.key)).toEqual(["sales", "shipping"]);
    const listed = (await listUsersAndGroups(fx.db, admin)).users.find((u) => u.username === "olga")!;
    expect(listed).toMatchObject({ displayName: "Olga Ops", email: "olga@example.com", role: "participant", disabled: false, groups: ["sales", "shipping"] });
    const audit = await fx.db.select().from(auditEvents).where(eq(auditEvents.type, "user.created"));
    expect(audit.at(-1)!.data).toEqual({ username: "olga", role: "participant", groups: ["sales", "shipping"], passwordGenerated: true });
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("refuses bad input with the field at fault, and changes nothing", async () => {
    const admin = await fx.as("admin");
    const cases: [Parameters<typeof createUser>[2], string, string][] = [
      [{ username: "Bad Name", displayName: "X", role: "participant", groups: [] }, "INVALID_INPUT", "username"],
      [{ username: "dana", displayName: "Dana 2", role: "participant", groups: [] }, "CONFLICT", "username"],
      [{ username: "nogroup", displayName: "No Group", role: "participant", groups: ["nope"] }, "NOT_FOUND", "groups"],
      [{ username: "shortpw", displayName: "Short", role: "participant", groups: [], password: "abc" }, "INVALID_INPUT", "password"],
      [{ username: "noname", displayName: "  ", role: "participant", groups: [] }, "INVALID_INPUT", "displayName"],
      [{ username: "badmail", displayName: "Bad Mail", email: "not-an-address", role: "participant", groups: [] }, "INVALID_INPUT", "email"],
    ];
    for (const [input, code, path] of cases) {
      const error = await failure(createUser(fx.db, admin, input));
      expect(error?.code, input.username).toBe(code);
      expect(error?.fieldErrors?.[0]?.path).toBe(path);
    }
    const names = (await listUsersAndGroups(fx.db, admin)).users.map((u) => u.username);
    expect(names).not.toContain("nogroup");
    expect(names).not.toContain("shortpw");
  });

  it("disabling signs the user out and keeps them out; enabling lets them back", async () => {
    const admin = await fx.as("admin");
    await createUser(fx.db, admin, { username: "pete", displayName: "Pete", role: "participant", groups: [], password: "pete-password-1" });
    const { token } = await signIn(fx.db, "pete", "pete-password-1", now());
    await setUserDisabled(fx.db, admin, { username: "pete", disabled: true });
    expect(await actorForSession(fx.db, token, now())).toBeNull();
    expect((await failure(signIn(fx.db, "pete", "pete-password-1", now())))?.code).toBe("UNAUTHENTICATED");
    await setUserDisabled(fx.db, admin, { username: "pete", disabled: false });
    expect((await signIn(fx.db, "pete", "pete-password-1", now())).actor.username).toBe("pete");
    const types = (await fx.db.select().from(auditEvents)).filter((a) => (a.data as { username?: string }).username === "pete").map((a) => a.type);
    expect(types).toEqual(["user.created", "user.disabled", "user.enabled"]);
  });

  it("a password reset replaces the old password and ends the user's sessions", async () => {
    const admin = await fx.as("admin");
    await createUser(fx.db, admin, { username: "rita", displayName: "Rita", role: "participant", groups: [], password: "rita-password-1" });
    const { token } = await signIn(fx.db, "rita", "rita-password-1", now());
    const { password } = await resetPassword(fx.db, admin, { username: "rita" });
    expect(await actorForSession(fx.db, token, now())).toBeNull();
    expect((await failure(signIn(fx.db, "rita", "rita-password-1", now())))?.code).toBe("UNAUTHENTICATED");
    expect((await signIn(fx.db, "rita", password, now())).actor.username).toBe("rita");
    await resetPassword(fx.db, admin, { username: "rita", password: "chosen-by-admin" });
    expect((await signIn(fx.db, "rita", "chosen-by-admin", now())).actor.username).toBe("rita");
    expect((await failure(resetPassword(fx.db, admin, { username: "rita", password: "short" })))?.code).toBe("INVALID_INPUT");
    expect((await failure(resetPassword(fx.db, admin, { username: "nobody" })))?.code).toBe("NOT_FOUND");
  });

  it("keeps the last active admin: not disabled, not demoted, and nobody disables themselves", async () => {
    const admin = await fx.as("admin");
    expect((await failure(setUserDisabled(fx.db, admin, { username: "admin", disabled: true })))?.code).toBe("CONFLICT");
    const demote = await failure(updateUser(fx.db, admin, { username: "admin", displayName: "Ada Admin", role: "analyst" }));
    expect(demote?.message).toMatch(/last active admin/);
    await createUser(fx.db, admin, { username: "second", displayName: "Second Admin", role: "admin", groups: [], password: "second-admin-pw" });
    const second = await fx.as("second");
    // With another admin, either can be demoted or disabled by the other, but not the last one left.
    await updateUser(fx.db, second, { username: "admin", displayName: "Ada Admin", role: "analyst" });
    expect((await failure(setUserDisabled(fx.db, second, { username: "second", disabled: true })))?.code).toBe("CONFLICT");
    expect((await failure(updateUser(fx.db, second, { username: "second", displayName: "Second", role: "participant" })))?.message).toMatch(/last active admin/);
    await updateUser(fx.db, second, { username: "admin", displayName: "Ada Admin", role: "admin" });
    await setUserDisabled(fx.db, admin, { username: "second", disabled: true });
    expect((await failure(setUserDisabled(fx.db, admin, { username: "admin", disabled: true })))?.code).toBe("CONFLICT");
    const [row] = await fx.db.select().from(users).where(eq(users.username, "admin"));
    expect(row).toMatchObject({ role: "admin", disabled: false });
  });

  it("creates groups and edits membership, audited once per real change", async () => {
    const admin = await fx.as("admin");
    await createGroup(fx.db, admin, { key: "night-shift", name: "Night shift" });
    expect((await failure(createGroup(fx.db, admin, { key: "night-shift", name: "Again" })))?.code).toBe("CONFLICT");
    expect((await failure(createGroup(fx.db, admin, { key: "Night Shift!", name: "Bad" })))?.fieldErrors?.[0]?.path).toBe("key");
    await setMembership(fx.db, admin, { username: "dana", group: "night-shift", member: true });
    await setMembership(fx.db, admin, { username: "dana", group: "night-shift", member: true });
    expect((await fx.as("dana")).groups.map((g) => g.key)).toContain("night-shift");
    await setMembership(fx.db, admin, { username: "dana", group: "night-shift", member: false });
    expect((await fx.as("dana")).groups.map((g) => g.key)).not.toContain("night-shift");
    const group = (await listUsersAndGroups(fx.db, admin)).groups.find((g) => g.key === "night-shift")!;
    expect(group).toEqual({ key: "night-shift", name: "Night shift", members: [] });
    const types = (await fx.db.select().from(auditEvents)).filter((a) => JSON.stringify(a.data).includes("night-shift")).map((a) => a.type);
    expect(types).toEqual(["group.created", "group.member-added", "group.member-removed"]);
    expect((await failure(setMembership(fx.db, admin, { username: "dana", group: "nope", member: true })))?.code).toBe("NOT_FOUND");
  });

  it("refuses everyone but admins", async () => {
    for (const who of ["ana", "dana"]) {
      const actor = await fx.as(who);
      expect((await failure(listUsersAndGroups(fx.db, actor)))?.code).toBe("FORBIDDEN");
      expect((await failure(createUser(fx.db, actor, { username: "x1", displayName: "X", role: "admin", groups: [] })))?.code).toBe("FORBIDDEN");
      expect((await failure(setUserDisabled(fx.db, actor, { username: "sam", disabled: true })))?.code).toBe("FORBIDDEN");
      expect((await failure(resetPassword(fx.db, actor, { username: "sam" })))?.code).toBe("FORBIDDEN");
    }
  });

  it("generates different, well-formed passwords", () => {
    const seen = new Set(Array.from({ length: 50 }, generatePassword));
    expect(seen.size).toBe(50);
  });
});
