import { expect, test } from "@playwright/test";
import { apiMutation, signIn, signOut, snap } from "./support.ts";

/**
 * Scenario 1's "alert to the shipping department": a notify step alerts a
 * group; each member sees it under the bell in the portal's header, opens
 * the request from it, and it is read. Published and started through the API,
 * read in Chromium at desktop and phone width.
 */
const KEY = "ship-alert";
const definition = {
  schemaVersion: 1,
  key: KEY,
  name: "Ship alert",
  description: "An order for shipping, announced to the department.",
  timeZone: "UTC",
  steps: [
    {
      id: "order",
      kind: "start",
      name: "Order",
      position: { x: 0, y: 0 },
      starters: ["service-desk"],
      form: { schemaVersion: 1, blocks: [{ id: "f-order", type: "text", key: "orderNo", label: "Order number", required: true }] },
    },
    { id: "alert", kind: "notify", name: "Tell shipping", position: { x: 200, y: 0 }, recipients: { type: "group", group: "shipping" }, subject: "Ship order {{orderNo}}", message: "3 × Desk to Graz.\nDock 2, before noon." },
    { id: "ship", kind: "userTask", name: "Ship the order", position: { x: 400, y: 0 }, assignment: { type: "group", group: "shipping" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Shipped", position: { x: 600, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "order", target: "alert" },
    { id: "c2", source: "alert", target: "ship" },
    { id: "c3", source: "ship", target: "done" },
  ],
};

test("a group's alert shows under the bell, opens the request and is read", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "studio", "ana");
  await apiMutation(page, "studio.saveDraft", { key: KEY, expectedVersion: null, definition });
  await apiMutation(page, "studio.publish", { key: KEY });
  await signOut(page);
  // Shipping may have alerts from other tests' processes already: start from none unread.
  await signIn(page, "portal", "shay");
  await apiMutation(page, "notifications.markAllRead", {});
  await signOut(page);
  await signIn(page, "portal", "dana");
  await apiMutation(page, "portal.start", { processKey: KEY, data: { orderNo: "A-17" } });
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible(); // Dana is not in shipping
  await signOut(page);

  await signIn(page, "portal", "shay");
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel).toBeFocused();
  const item = panel.getByRole("listitem").filter({ hasText: "Ship order A-17" });
  await expect(item).toContainText("Dock 2, before noon.");
  await expect(item).toContainText(/just now|minute/);
  await snap(page, "notifications-01-panel-desktop");

  // Escape closes it and gives focus back to the bell.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  // Open again from the keyboard and follow the link: the request opens (Shay's group has its
  // task, so Shay may see it), the panel closes and the alert is read.
  await page.keyboard.press("Enter");
  await panel.getByRole("link", { name: /^Open the request Ship alert #\d+ — A-17$/ }).click();
  await expect(page).toHaveURL(/\/portal\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /Ship alert #\d+ — A-17/ })).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(bell).toHaveAccessibleName("Notifications");

  // A second alert, read at phone width with "Mark all as read".
  await signOut(page);
  await signIn(page, "portal", "dana");
  await apiMutation(page, "portal.start", { processKey: KEY, data: { orderNo: "B-2" } });
  await signOut(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "portal", "shay");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  await expect(panel.getByRole("listitem").filter({ hasText: /Ship order/ })).toHaveCount(2);
  const box = await panel.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await snap(page, "notifications-02-panel-phone");
  await panel.getByRole("button", { name: "Mark all as read" }).click();
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(panel.getByText("Unread:")).toHaveCount(0);
});
