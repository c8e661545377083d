import { expect, test } from "@playwright/test";
import { apiMutation, apiQuery, signIn, snap } from "./support.ts";

const form = (blocks: unknown[]) => ({ schemaVersion: 1, blocks });

/** An order waits for the payment provider's "payment-received", keyed by the order number. */
const order = {
  schemaVersion: 1,
  key: "e2e-token-order",
  name: "Order paid by token (e2e)",
  steps: [
    { id: "start", kind: "start", name: "Order", position: { x: 0, y: 100 }, starters: [], form: form([{ id: "f-o", type: "text", key: "orderId", label: "Order number", required: true }]) },
    { id: "paid", kind: "messageCatch", name: "Payment received", position: { x: 160, y: 93 }, message: { name: "payment-received", correlationKey: "orderId" } },
    { id: "ship", kind: "userTask", name: "Ship the order", position: { x: 300, y: 80 }, assignment: { type: "user", user: "sam" }, form: form([]) },
    { id: "done", kind: "end", name: "Shipped", position: { x: 480, y: 100 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "paid" },
    { id: "c2", source: "paid", target: "ship" },
    { id: "c3", source: "ship", target: "done" },
  ],
};

/**
 * An admin gives the payment provider's user a token in the admin console
 * (its secret shown once), the provider posts the payment with it to
 * /api/messages and the waiting order moves on; revoked, the token is refused.
 */
test("an admin makes an API token, an outside system sends a message with it, and revoking stops it", async ({ page, playwright }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "studio", "admin");
  await apiMutation(page, "studio.saveDraft", { key: order.key, expectedVersion: null, definition: order });
  await apiMutation(page, "studio.publish", { key: order.key });
  await apiMutation(page, "admin.setMembership", { username: "sam", group: "message-senders", member: true });
  const { instanceId } = await (await page.request.post("/trpc/portal.start", { data: { processKey: order.key, data: { orderId: "T-1" } } })).json().then((r) => r.result.data);

  await page.goto("/studio/admin/people");
  await page.getByRole("button", { name: "API tokens of Sam Sales" }).click();
  const list = page.getByRole("dialog", { name: "API tokens of Sam Sales" });
  await expect(list.getByText("No API tokens yet")).toBeVisible();
  await snap(page, "api-tokens-01-empty");
  await list.getByRole("button", { name: "New token" }).click();
  const form = page.getByRole("dialog", { name: "New API token for Sam Sales" });
  await expect(form.getByLabel("Name")).toBeFocused();
  await form.getByLabel("Name").fill("Payment provider");
  await form.getByLabel("Expires after (days)").fill("90");
  await snap(page, "api-tokens-02-new");
  await form.getByLabel("Expires after (days)").press("Enter");
  const once = page.getByRole("dialog", { name: 'Token "Payment provider" created' });
  await expect(once.getByText("you will not see it again")).toBeVisible();
  const secret = (await once.getByLabel("API token").textContent())!;
  expect(secret).toMatch(/^baton_[A-Za-z0-9_-]{43}$/);
  await snap(page, "api-tokens-03-secret-once");
  await once.getByRole("button", { name: "Done" }).click();

  // The payment provider: no cookie, only the token.
  const outside = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const send = () => outside.post("/api/messages/payment-received", { headers: { Authorization: `Bearer ${secret}` }, data: { key: "T-1", data: { paid: true } } });
  const delivered = await send();
  expect(delivered.status(), await delivered.text()).toBe(200);
  expect(await delivered.json()).toMatchObject({ outcome: "delivered", instanceId, status: "running" });
  const details = await apiQuery<{ variables: Record<string, unknown> }>(page, "portal.instance", { instanceId });
  expect(details.variables).toMatchObject({ orderId: "T-1", paid: true });

  const row = list.getByRole("row", { name: /Payment provider/ });
  await page.reload();
  await page.getByRole("button", { name: "API tokens of Sam Sales" }).click();
  await expect(row.getByText("just now")).toBeVisible();
  await expect(row.getByText("Active")).toBeVisible();
  await snap(page, "api-tokens-04-list");
  await row.getByRole("button", { name: "Revoke the token Payment provider" }).click();
  const confirm = page.getByRole("dialog", { name: 'Revoke the token "Payment provider"?' });
  await snap(page, "api-tokens-05-revoke");
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(list.getByRole("row", { name: /Payment provider/ }).getByText("Revoked")).toBeVisible();

  const refused = await send();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/^The API token "Payment provider" was revoked on /);
  await outside.dispose();
});
