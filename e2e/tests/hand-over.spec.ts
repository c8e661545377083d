import { expect, test } from "@playwright/test";
import { apiMutation, apiQuery, signIn, signOut, snap } from "./support.ts";

/**
 * Handing a task over: a sales call handed out by round robin lands with
 * Sam (the first of the group); Sam types a note into the form, hands the
 * task to Sara with a note in the "Hand over" dialog, and it leaves Sam's
 * inbox. Sara is told under the bell, finds it assigned to her with what
 * Sam typed, and the request's history says who handed it to whom.
 */
const KEY = "hand-over-call";
const definition = {
  schemaVersion: 1,
  key: KEY,
  name: "Customer call",
  timeZone: "UTC",
  steps: [
    {
      id: "ask",
      kind: "start",
      name: "Ask",
      position: { x: 0, y: 0 },
      form: { schemaVersion: 1, blocks: [{ id: "f-customer", type: "text", key: "customer", label: "Customer", required: true }] },
    },
    {
      id: "call",
      kind: "userTask",
      name: "Call the customer",
      position: { x: 200, y: 0 },
      assignment: { type: "group", group: "sales", strategy: "roundRobin" },
      form: { schemaVersion: 1, blocks: [{ id: "f-notes", type: "longText", key: "callNotes", label: "Call notes" }] },
    },
    { id: "done", kind: "end", name: "Called", position: { x: 400, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "ask", target: "call" },
    { id: "c2", source: "call", target: "done" },
  ],
};

test("a participant hands a task over and the other finds it in their inbox", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "studio", "ana");
  await apiMutation(page, "studio.saveDraft", { key: KEY, expectedVersion: null, definition });
  await apiMutation(page, "studio.publish", { key: KEY });
  await signOut(page);
  await signIn(page, "portal", "sara");
  await apiMutation(page, "notifications.markAllRead", {});
  await signOut(page);
  await signIn(page, "portal", "dana");
  await apiMutation(page, "portal.start", { processKey: KEY, data: { customer: "Hopper & Co" } });
  await signOut(page);

  // Round robin gave it to Sam, the first member of sales.
  await signIn(page, "portal", "sam");
  const mine = page.getByRole("region", { name: /Assigned to me/ });
  await mine.getByRole("link", { name: "Call the customer" }).click();
  await page.getByLabel("Call notes").fill("Rang once, no answer.");
  await page.getByRole("button", { name: "Hand over" }).click();

  const dialog = page.getByRole("dialog", { name: "Hand over “Call the customer”" });
  await expect(dialog.getByLabel("Hand to")).toBeFocused();
  await dialog.getByLabel("Hand to").selectOption({ label: "Sara Sales (sara)" });
  await dialog.getByLabel("Note (optional)").fill("I am off tomorrow: please try again after 10.");
  await snap(page, "hand-over-01-dialog");
  await dialog.getByRole("button", { name: "Hand over" }).click();

  await expect(page.getByText("Handed to Sara Sales.")).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/?$/);
  await expect(mine.getByRole("link", { name: "Call the customer" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, "portal", "sara");
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const item = page.getByRole("dialog", { name: "Notifications" }).getByRole("listitem").filter({ hasText: 'Sam Sales handed "Call the customer" to you' });
  await expect(item).toContainText("I am off tomorrow: please try again after 10.");
  await expect(item).toContainText("Handed to you");
  await snap(page, "hand-over-02-bell");
  await page.keyboard.press("Escape");

  const saras = page.getByRole("region", { name: /Assigned to me/ });
  await expect(saras.getByRole("link", { name: "Call the customer" })).toBeVisible();
  await snap(page, "hand-over-03-inbox");
  await saras.getByRole("link", { name: "Call the customer" }).click();
  await expect(page.getByText("Assigned to you")).toBeVisible();
  await expect(page.getByLabel("Call notes")).toHaveValue("Rang once, no answer.");
  await expect(page.getByRole("button", { name: "Hand over" })).toBeVisible();
  await snap(page, "hand-over-04-task");

  // The request's history says who handed it to whom, with the note.
  const taskId = new URL(page.url()).pathname.split("/").pop()!;
  const requestId = (await apiQuery<{ task: { instanceId: string } }>(page, "portal.task", { taskId })).task.instanceId;
  await page.goto(`/portal/requests/${requestId}`);
  await expect(page.getByText("Handed Call the customer to Sara Sales: “I am off tomorrow: please try again after 10.”")).toBeVisible();
  await expect(page.getByText("Call the customer went to Sam Sales, next in turn")).toBeVisible();
  await snap(page, "hand-over-05-history");

  // At phone width the dialog sits at the bottom, full width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await page.getByRole("button", { name: "Hand over" }).click();
  await expect(page.getByRole("dialog", { name: "Hand over “Call the customer”" })).toBeVisible();
  await snap(page, "hand-over-06-dialog-phone");
});
