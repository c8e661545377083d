import { expect, test } from "@playwright/test";
import { apiMutation, apiQuery, signIn, signOut, snap } from "./support.ts";

const form = (blocks: unknown[]) => ({ schemaVersion: 1, blocks });

/** An order waits for the payment system's message (by order number) or two days, whichever comes first. */
const order = {
  schemaVersion: 1,
  key: "e2e-order-payment",
  name: "Order payment (e2e)",
  steps: [
    { id: "start", kind: "start", name: "Order", position: { x: 0, y: 100 }, starters: [], form: form([{ id: "f-o", type: "text", key: "orderId", label: "Order number", required: true }]) },
    { id: "first", kind: "eventBasedGateway", name: "Paid in time?", position: { x: 120, y: 93 } },
    { id: "paid", kind: "messageCatch", name: "Payment received", position: { x: 260, y: 40 }, message: { name: "payment-received", correlationKey: "orderId" }, outputs: [{ from: "amount", to: "paidAmount" }] },
    { id: "late", kind: "timer", name: "Two days", position: { x: 260, y: 180 }, timer: { type: "duration", duration: "P2D" } },
    { id: "ship", kind: "userTask", name: "Ship the order", position: { x: 380, y: 18 }, assignment: { type: "user", user: "sam" }, form: form([]) },
    { id: "done", kind: "end", name: "Shipped", position: { x: 660, y: 40 } },
    { id: "dropped", kind: "end", name: "Dropped", position: { x: 400, y: 180 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "first" },
    { id: "c2", source: "first", target: "paid" },
    { id: "c3", source: "first", target: "late" },
    { id: "c4", source: "paid", target: "ship" },
    { id: "c5", source: "ship", target: "done" },
    { id: "c6", source: "late", target: "dropped" },
  ],
};

/**
 * The analyst sees the message wait in the designer; a request started in
 * the portal waits for the payment; the payment system's message (the API,
 * as an admin) moves it on, and Sam gets the shipping task.
 */
test("an order waits for the payment message, which moves it on to shipping", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");
  await apiMutation(page, "studio.saveDraft", { key: order.key, expectedVersion: null, definition: order });
  await apiMutation(page, "studio.publish", { key: order.key });
  await page.goto(`/studio/processes/${order.key}`);
  const canvas = page.getByRole("region", { name: `Diagram of ${order.name}` });
  await canvas.locator('.react-flow__node[data-id="paid"]').click();
  const properties = page.getByRole("complementary", { name: "Properties" });
  await expect(properties.getByRole("textbox", { name: "Message name" })).toHaveValue("payment-received");
  await expect(properties.getByRole("textbox", { name: "Correlation key" })).toHaveValue("orderId");
  await expect(page.getByText("Wait for a message").first()).toBeVisible();
  await snap(page, "messages-01-designer");
  await signOut(page);

  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Order payment \(e2e\)/ }).click();
  await page.getByLabel(/Order number/).fill("E2E-17");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await signOut(page);

  await signIn(page, "portal", "admin");
  const waiting = await apiQuery<{ correlationKey: string; processKey: string }[]>(page, "messages.waiting", { name: "payment-received" });
  expect(waiting).toEqual([expect.objectContaining({ correlationKey: "E2E-17", processKey: order.key })]);
  await apiMutation(page, "messages.correlate", { name: "payment-received", key: "E2E-17", data: { amount: 120 } });
  const res = await page.request.post("/trpc/messages.correlate", { data: { name: "payment-received", key: "E2E-17", data: {} } });
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain('No instance waits for message \\"payment-received\\" with key \\"E2E-17\\"');
  await signOut(page);

  await signIn(page, "portal", "sam");
  // Other tests' orders may wait in Sam's inbox too: this one is order E2E-17's.
  const ship = page.getByRole("region", { name: "Assigned to me" }).getByRole("listitem").filter({ hasText: "E2E-17" });
  await expect(ship.getByRole("link", { name: /Ship the order/ })).toBeVisible();
  await snap(page, "messages-02-shipping-task");
});
