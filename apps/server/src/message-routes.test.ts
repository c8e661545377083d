import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instances, tasks } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import { createApiToken, loadActor, publishDefinition } from "@baton/runtime";
import { MESSAGES_PATH } from "./message-routes.ts";
import { seededServer } from "./test-support/seeded-server.ts";

/**
 * An outside system (here: the payment provider) tells Baton an order was
 * paid, over plain HTTP with an API token made in the admin console, and
 * the order waiting for that payment moves on to shipping.
 */
const at = { x: 0, y: 0 };

const orderPayment: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "order-payment",
  name: "Order payment",
  steps: [
    { id: "start", kind: "start", name: "Order", position: at, starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-o", type: "text", key: "orderId", label: "Order number", required: true }] } },
    { id: "paid", kind: "messageCatch", name: "Payment received", position: at, message: { name: "payment-received", correlationKey: "orderId" }, outputs: [{ from: "paid", to: "paid" }] },
    { id: "ship", kind: "userTask", name: "Ship", position: at, assignment: { type: "user", user: "shay" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Shipped", position: at },
  ],
  connections: [
    { id: "c1", source: "start", target: "paid" },
    { id: "c2", source: "paid", target: "ship" },
    { id: "c3", source: "ship", target: "done" },
  ],
};

/** A lead from the web shop's contact form starts on the message "lead-received". */
const inboundLead: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "inbound-lead",
  name: "Inbound lead",
  steps: [
    { id: "start", kind: "start", name: "Lead", position: at, starters: [], trigger: { type: "message", message: "lead-received" } } as ProcessDefinitionInput["steps"][number],
    { id: "call", kind: "userTask", name: "Call the lead", position: at, assignment: { type: "group", group: "sales" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Done", position: at },
  ],
  connections: [
    { id: "c1", source: "start", target: "call" },
    { id: "c2", source: "call", target: "done" },
  ],
};

const { app, db, cookieOf } = seededServer(async (database) => {
  const admin = await loadActor(database, { username: "admin" });
  await publishDefinition(database, admin, orderPayment);
  await publishDefinition(database, admin, inboundLead);
});

const trpc = (cookie: string, path: string, input: unknown) =>
  app().inject({ method: "POST", url: `/trpc/${path}`, headers: { cookie, "content-type": "application/json" }, payload: JSON.stringify(input) });

const send = (name: string, body: unknown, headers: Record<string, string>) =>
  app().inject({ method: "POST", url: `${MESSAGES_PATH}/${name}`, headers: { "content-type": "application/json", ...headers }, payload: typeof body === "string" ? body : JSON.stringify(body) });

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function tokenFor(username: string): Promise<string> {
  return (await createApiToken(db(), await loadActor(db(), { username: "admin" }), { username, name: `${username}'s test token` })).secret;
}

describe("POST /api/messages/<name>", () => {
  it("delivers a payment sent with an API token to the waiting order, which moves on to shipping", async () => {
    const admin = await cookieOf("admin");
    // The admin makes a user for the payment provider a message sender and gives it a token.
    expect((await trpc(admin, "admin.setMembership", { username: "sam", group: "message-senders", member: true })).statusCode).toBe(200);
    const created = await trpc(admin, "apiTokens.create", { username: "sam", name: "Payment provider" });
    const { secret } = created.json().result.data;

    const started = await trpc(await cookieOf("dana"), "portal.start", { processKey: "order-payment", data: { orderId: "A-1" } });
    const { instanceId } = started.json().result.data;
    expect(await tasksOf(instanceId)).toEqual([]);

    const res = await send("payment-received", { key: "A-1", data: { paid: true } }, bearer(secret));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: "delivered", instanceId, status: "running", createdTaskIds: [expect.any(String)] });
    expect(await tasksOf(instanceId)).toEqual([{ name: "Ship", status: "open" }]);
    const [instance] = await db().select().from(instances).where(eq(instances.id, instanceId));
    expect(instance!.variables).toMatchObject({ orderId: "A-1", paid: true });

    // Sent again: nobody waits any more, and the runtime says so.
    const again = await send("payment-received", { key: "A-1", data: { paid: true } }, bearer(secret));
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({ error: { code: "NOT_FOUND", message: 'No instance waits for message "payment-received" with key "A-1", and no published process starts on it.' } });

    // The token's last use is on record for the admin console.
    const listed = await app().inject({ url: `/trpc/apiTokens.list?input=${encodeURIComponent(JSON.stringify({ username: "sam" }))}`, headers: { cookie: admin } });
    expect(listed.json().result.data[0]).toMatchObject({ name: "Payment provider", lastUsedAt: expect.any(String) });
  });

  it("asks for a valid token: none, malformed, unknown or revoked answers 401 and never falls back to the cookie", async () => {
    const unauthenticated = async (headers: Record<string, string>) => {
      const res = await send("payment-received", { key: "A-9", data: {} }, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHENTICATED");
      return res.json().error.message as string;
    };
    expect(await unauthenticated({})).toBe('Send an API token: "Authorization: Bearer <token>".');
    expect(await unauthenticated({ authorization: "Basic c2FtOnNhbS1kZW1v" })).toBe('Send the API token as "Authorization: Bearer <token>".');
    expect(await unauthenticated(bearer("baton_nonsense"))).toMatch(/not known to Baton/);
    // An admin's valid cookie does not rescue a bad token.
    expect(await unauthenticated({ ...bearer("baton_nonsense"), cookie: await cookieOf("admin") })).toMatch(/not known to Baton/);

    const secret = await tokenFor("sara");
    const admin = await cookieOf("admin");
    const [token] = (await app().inject({ url: `/trpc/apiTokens.list?input=${encodeURIComponent(JSON.stringify({ username: "sara" }))}`, headers: { cookie: admin } })).json().result.data;
    expect((await trpc(admin, "apiTokens.revoke", { id: token.id })).statusCode).toBe(200);
    expect(await unauthenticated(bearer(secret))).toMatch(/^The API token "sara's test token" was revoked on /);
  });

  it("refuses users who may not send messages, with the runtime's reason", async () => {
    const res = await send("payment-received", { key: "A-1", data: {} }, bearer(await tokenFor("dana")));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({ code: "FORBIDDEN", message: 'Only admins and members of the group "message-senders" may send messages; you are signed in as participant "dana".' });
  });

  it("says which part of a bad body is wrong", async () => {
    const auth = bearer(await tokenFor("admin"));
    const badRequest = async (body: unknown, headers: Record<string, string> = {}) => {
      const res = await send("payment-received", body, { ...auth, ...headers });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("INVALID_INPUT");
      return res.json().error.message as string;
    };
    expect(await badRequest({ key: 17, data: {} })).toBe('"key" must be text or null (send a number as its digits, e.g. "17").');
    expect(await badRequest({ key: "A-1", data: [1, 2] })).toBe('"data" must be a JSON object, e.g. { "paid": true }.');
    expect(await badRequest({ key: "A-1", payload: {} })).toBe('Unknown field "payload": the body takes "key" and "data".');
    expect(await badRequest([1])).toBe('The body must be a JSON object: { "key": "…", "data": { … } }.');
    expect(await badRequest('{"key": "A-1",')).toMatch(/^The body is not valid JSON/);
    const wrongType = await send("payment-received", "key=A-1", { ...auth, "content-type": "application/x-www-form-urlencoded" });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.message).toBe('Send the body as JSON, with "content-type: application/json".');
  });

  it("starts the process that starts on a message sent without a key, and says when nothing does", async () => {
    const auth = bearer(await tokenFor("admin"));
    const lead = await send("lead-received", { key: null, data: { contact: { name: "Grace" } } }, auth);
    expect(lead.statusCode).toBe(200);
    expect(lead.json()).toEqual({ outcome: "started", started: [expect.objectContaining({ processKey: "inbound-lead", status: "running" })] });
    expect(await tasksOf(lead.json().started[0].instanceId)).toEqual([{ name: "Call the lead", status: "open" }]);

    const res = await send("no-such-message", { data: {} }, auth);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('No instance waits for message "no-such-message" with key "", and no published process starts on it.');
  });
});

async function tasksOf(instanceId: string) {
  return db().select({ name: tasks.name, status: tasks.status }).from(tasks).where(eq(tasks.instanceId, instanceId));
}
