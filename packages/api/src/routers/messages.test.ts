import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, publishDefinition, setMembership } from "@baton/runtime";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `messages.*`: an outside system's message reaches the instance waiting for it, once; only admins and message senders may send. */
const { db, callerAs } = seededRouter();
const at = { x: 0, y: 0 };

describe("messages router", () => {
  beforeAll(async () => {
    await publishDefinition(db(), await loadActor(db(), { username: "ana" }), {
      schemaVersion: 1,
      key: "contract",
      name: "Contract",
      steps: [
        { id: "start", kind: "start", name: "Start", position: at, starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-n", type: "text", key: "contractNo", label: "Contract number", required: true }] } },
        { id: "signed", kind: "messageCatch", name: "Signed", position: at, message: { name: "contract-signed", correlationKey: "contractNo" } },
        { id: "file", kind: "userTask", name: "File it", position: at, assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [] } },
        { id: "done", kind: "end", name: "Done", position: at },
      ],
      connections: [
        { id: "c1", source: "start", target: "signed" },
        { id: "c2", source: "signed", target: "file" },
        { id: "c3", source: "file", target: "done" },
      ],
    });
    // Sam stands in for the user an outside system signs in as (the seed brings the group, empty).
    const admin = await loadActor(db(), { username: "admin" });
    await setMembership(db(), admin, { username: "sam", group: "message-senders", member: true });
  });

  it("delivers a message by name and key, and lists what waits for admins", async () => {
    const dana = await callerAs("dana");
    const { instanceId } = await dana.portal.start({ processKey: "contract", data: { contractNo: "K-7" } });
    const admin = await callerAs("admin");
    expect(await admin.messages.waiting({ name: "contract-signed" })).toEqual([expect.objectContaining({ instanceId, correlationKey: "K-7", processKey: "contract" })]);

    const sam = await callerAs("sam");
    expect(await sam.messages.correlate({ name: "contract-signed", key: " K-7 ", data: { signedBy: "Grace" } })).toMatchObject({ outcome: "delivered", instanceId });
    expect((await admin.portal.instance({ instanceId })).variables).toMatchObject({ contractNo: "K-7", signedBy: "Grace" });
    expect(await admin.messages.waiting({})).toEqual([]);

    const again = await errorOf(sam.messages.correlate({ name: "contract-signed", key: "K-7" }));
    expect(again.code).toBe("NOT_FOUND");
    expect(again.message).toBe('No instance waits for message "contract-signed" with key "K-7", and no published process starts on it.');
  });

  it("refuses anonymous callers, people who may not send, non-admins listing, and malformed input", async () => {
    expect((await errorOf((await callerAs(null)).messages.correlate({ name: "contract-signed", key: "K-1" }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf((await callerAs("dana")).messages.correlate({ name: "contract-signed", key: "K-1" }))).code).toBe("FORBIDDEN");
    expect((await errorOf((await callerAs("sam")).messages.waiting({}))).code).toBe("FORBIDDEN");
    const admin = await callerAs("admin");
    const blank = await errorOf(admin.messages.correlate({ name: "  ", key: "K-1" }));
    expect(blank.code).toBe("BAD_REQUEST");
    expect(blank.message).toContain("give the message's name");
    expect((await errorOf(admin.messages.correlate({ name: "x", key: "K-1", data: [1] as unknown as Record<string, unknown> }))).code).toBe("BAD_REQUEST");
  });
});
