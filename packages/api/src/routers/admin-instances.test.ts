import { describe, expect, it } from "vitest";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `admin.instances` and `admin.cancelInstance`: an admin sees a process's instances and cancels one with a reason. */
const { callerAs } = seededRouter();

describe("admin instances", () => {
  it("lists the running support requests, cancels one with its reason, and then lists it as cancelled", async () => {
    const admin = await callerAs("admin");
    const dana = await callerAs("dana");
    const started = await dana.portal.start({ processKey: "support-request", data: { client: "Acme", channel: "phone", subject: "Printer jams", description: "Every page", urgency: "normal" } });
    const active = await admin.admin.instances({ processKey: "support-request" });
    expect(active.instances.map((i) => i.id)).toEqual([started.instanceId]);
    expect(active.instances[0]).toMatchObject({ status: "running", version: 1, startedBy: "dana" });
    expect(active.instances[0]!.currentSteps.length).toBeGreaterThan(0);

    const result = await admin.admin.cancelInstance({ instanceId: started.instanceId, reason: "  Sent by mistake  " });
    expect(result.cancelled).toEqual([started.instanceId]);
    expect((await admin.admin.instances({ processKey: "support-request" })).instances).toEqual([]);
    const cancelled = await admin.admin.instances({ processKey: "support-request", status: "cancelled" });
    expect(cancelled.instances).toEqual([expect.objectContaining({ id: started.instanceId, status: "cancelled", currentSteps: [] })]);
    const seen = await dana.portal.instance({ instanceId: started.instanceId });
    expect(seen.status).toBe("cancelled");
    expect(seen.audit.at(-1)).toMatchObject({ type: "instance.cancelled", actor: "admin", data: { reason: "Sent by mistake" } });

    const again = await errorOf(admin.admin.cancelInstance({ instanceId: started.instanceId, reason: "Again" }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already ended/);
  });

  it("validates the input and says which field is wrong", async () => {
    const admin = await callerAs("admin");
    const noReason = await errorOf(admin.admin.cancelInstance({ instanceId: "00000000-0000-4000-8000-000000000000", reason: "   " }));
    expect(noReason.code).toBe("BAD_REQUEST");
    expect(noReason.message).toMatch(/give a reason for cancelling/);
    expect((await errorOf(admin.admin.cancelInstance({ instanceId: "00000000-0000-4000-8000-000000000000", reason: "x".repeat(501) }))).message).toMatch(/500 characters/);
    expect((await errorOf(admin.admin.cancelInstance({ instanceId: "00000000-0000-4000-8000-000000000000", reason: "Gone" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(admin.admin.instances({ processKey: "support-request", limit: 201 }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(admin.admin.instances({ processKey: "support-request", status: "paused" as "running" }))).message).toMatch(/"status"/);
    expect((await errorOf(admin.admin.instances({ processKey: "no-such-process" }))).code).toBe("NOT_FOUND");
  });
});
