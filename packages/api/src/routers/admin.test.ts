import { describe, expect, it } from "vitest";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `admin.*`: the admin console's own procedures answer admins and nobody else. */
const { callerAs } = seededRouter();

describe("admin router", () => {
  it("refuses analysts, participants and anonymous callers on every procedure", async () => {
    for (const [who, code] of [
      ["ana", "FORBIDDEN"],
      ["dana", "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const caller = await callerAs(who);
      const calls = [
        caller.admin.people(),
        caller.admin.processes(),
        caller.admin.publishers(),
        caller.admin.incidents(),
        caller.admin.instances({ processKey: "support-request" }),
        caller.admin.cancelInstance({ instanceId: "00000000-0000-4000-8000-000000000000", reason: "mine" }),
        caller.admin.createUser({ username: "mallory", displayName: "Mallory", role: "admin", groups: [] }),
        caller.admin.updateUser({ username: "admin", displayName: "Ada", role: "participant" }),
        caller.admin.setUserDisabled({ username: "admin", disabled: true }),
        caller.admin.resetPassword({ username: "admin" }),
        caller.admin.createGroup({ key: "mallories", name: "Mallories" }),
        caller.admin.setMembership({ username: "dana", group: "admins", member: true }),
        caller.admin.setPublisher({ processKey: "support-request", username: "ana", allowed: false }),
      ];
      for (const call of calls) expect((await errorOf(call)).code).toBe(code);
    }
    const admin = await callerAs("admin");
    const people = await admin.admin.people();
    expect(people.users.map((u) => u.username)).not.toContain("mallory");
    expect(people.groups.find((g) => g.key === "admins")!.members).toEqual(["admin"]);
  });

  it("creates a user whose one-time password signs in, and resets it", async () => {
    const admin = await callerAs("admin");
    const created = await admin.admin.createUser({ username: "nina", displayName: "Nina New", email: "", role: "analyst", groups: ["analysts"] });
    expect(created.username).toBe("nina");
    const anonymous = await callerAs(null);
    expect((await anonymous.auth.login({ username: "nina", password: created.password })).role).toBe("analyst");
    const reset = await admin.admin.resetPassword({ username: "nina" });
    expect(reset.password).not.toBe(created.password);
    expect((await errorOf(anonymous.auth.login({ username: "nina", password: created.password }))).code).toBe("UNAUTHORIZED");
    const listed = (await admin.admin.people()).users.find((u) => u.username === "nina");
    expect(listed).toMatchObject({ displayName: "Nina New", email: null, role: "analyst", groups: ["analysts"] });
    expect(JSON.stringify(listed)).not.toContain(reset.password);
  });

  it("says which field is wrong", async () => {
    const admin = await callerAs("admin");
    const error = await errorOf(admin.admin.createUser({ username: "Nope Nope", displayName: "X", role: "participant", groups: [] }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/cannot be a user name/);
    expect((await errorOf(admin.admin.setUserDisabled({ username: "admin", disabled: true }))).code).toBe("CONFLICT");
  });

  it("shows the processes with their version counts, and who may publish them", async () => {
    const admin = await callerAs("admin");
    const support = (await admin.admin.processes()).find((p) => p.key === "support-request");
    expect(support?.versions).toEqual([expect.objectContaining({ version: 1, running: 0, finished: 0, publishedBy: "admin" })]);
    await admin.admin.setPublisher({ processKey: "support-request", username: "ana", allowed: false });
    expect((await admin.admin.publishers())["support-request"]).toBeUndefined();
    expect(await admin.admin.incidents()).toEqual([]);
  });
});
