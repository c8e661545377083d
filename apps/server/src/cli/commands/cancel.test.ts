import { describe, expect, it } from "vitest";
import { batonCli } from "../test-support/baton-cli.ts";

/** `baton cancel` as an admin's scripts use it (see cli.test.ts). */
const { baton } = batonCli("baton-cancel-cli-");

describe("baton cancel", () => {
  it("cancels a running request with a reason, and refuses without one, for non-admins, and twice", async () => {
    expect((await baton("seed")).code).toBe(0);
    const data = { client: "Acme", channel: "phone", subject: "Printer jams", description: "Every page", urgency: "normal" };
    const { instanceId } = (await baton("start", "support-request", "--as", "dana", "--data", JSON.stringify(data))).json;

    const noReason = await baton("cancel", instanceId);
    expect(noReason.code).toBe(1);
    expect(noReason.json.error).toMatchObject({ code: "USAGE", message: expect.stringContaining('--reason "<text>"') });
    expect((await baton("cancel", instanceId, "--reason", "   ")).json.error.code).toBe("USAGE");
    expect((await baton("cancel", instanceId, "--reason", "Mine", "--as", "dana")).json.error.code).toBe("FORBIDDEN");
    expect((await baton("instance", instanceId)).json.status).toBe("running");

    const cancelled = await baton("cancel", instanceId, "--reason", "Sent twice by mistake");
    expect(cancelled.code).toBe(0);
    expect(cancelled.json).toEqual({ instanceId, cancelled: [instanceId] });
    const details = (await baton("instance", instanceId)).json;
    expect(details.status).toBe("cancelled");
    expect(details.audit.at(-1)).toMatchObject({ type: "instance.cancelled", actor: "admin", data: { reason: "Sent twice by mistake", cancelledBy: "admin" } });
    expect((await baton("tasks", "--as", "dana")).json.groupQueue.map((t: { instanceId: string }) => t.instanceId)).not.toContain(instanceId);

    const again = await baton("cancel", instanceId, "--reason", "Again");
    expect(again.code).not.toBe(0);
    expect(again.json.error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already ended") });
  }, 300_000);
});
