import { expect, test } from "@playwright/test";
import { signIn, signOut, snap } from "./support.ts";

/**
 * An admin cancels a running request: Dana logs a support request, the
 * admin finds it among the process's instances in the studio and cancels
 * it with a reason (required, asked next to the field); the dispatch task
 * leaves Dana's inbox, the bell tells her, and her request page says it
 * was cancelled, by whom and why.
 */
test("an admin cancels a running support request with a reason, and its starter reads why", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const client = "Harbour Bakery";
  const reason = "The client solved it themselves and asked us to close the request.";

  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Support request/ }).click();
  await page.getByLabel(/^Client/).fill(client);
  await page.getByLabel(/Came in by/).selectOption({ label: "E-mail" });
  await page.getByLabel(/^Subject/).fill("Oven display flickers");
  await page.getByLabel(/^Description/).fill("The display of oven 3 flickers when it heats up.");
  await page.getByRole("radio", { name: "Normal" }).check();
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await page.goto("/portal/requests");
  await page.getByRole("link", { name: new RegExp(client) }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(client) })).toBeVisible();
  const requestUrl = page.url();
  await page.goto("/portal/");
  const queue = page.getByRole("region", { name: "Open for my groups" });
  await expect(queue.getByText(new RegExp(client))).toBeVisible();
  await snap(page, "admin-cancel-01-inbox-before");
  await signOut(page);

  // The admin finds it among the support requests' instances.
  await signIn(page, "studio", "admin");
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Processes and versions" }).click();
  await page.getByRole("link", { name: "Support request", exact: true }).click();
  const instances = page.getByRole("table", { name: "Instances, newest first" });
  const row = instances.getByRole("row", { name: new RegExp(client) });
  await expect(row).toContainText("Running");
  await expect(row).toContainText("Dispatch the request");
  await row.scrollIntoViewIfNeeded();
  await snap(page, "admin-cancel-02-instances");

  await row.getByRole("button", { name: /^Cancel .*…$/ }).click();
  const dialog = page.getByRole("dialog", { name: /^Cancel Support request #\d+/ });
  await dialog.getByRole("button", { name: "Cancel the instance" }).click();
  await expect(dialog.getByText("Give a reason: the people of this request will read it.")).toBeVisible();
  await expect(dialog.getByLabel(/^Reason/)).toBeFocused();
  await snap(page, "admin-cancel-03-reason-required");
  await dialog.getByLabel(/^Reason/).fill(reason);
  await dialog.getByRole("button", { name: "Cancel the instance" }).click();
  await expect(page.getByText(/was cancelled\.$/)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(instances.getByRole("row", { name: new RegExp(client) })).toHaveCount(0);

  await page.getByLabel("Status").selectOption({ label: "Cancelled" });
  await expect(instances.getByRole("row", { name: new RegExp(client) })).toContainText("Cancelled");
  await snap(page, "admin-cancel-04-cancelled-listed");
  await signOut(page);

  // Dana: the task is gone from her inbox; the request says why it stopped.
  await signIn(page, "portal", "dana");
  // The inbox's sections show once it has loaded.
  await expect(page.getByRole("region", { name: "Open for my groups" })).toBeVisible();
  await expect(page.getByText(new RegExp(client))).toHaveCount(0);
  await snap(page, "admin-cancel-05-inbox-after");
  // The bell tells her, and leads to the request.
  await page.getByRole("button", { name: /^Notifications/ }).click();
  const notice = page.getByRole("dialog", { name: "Notifications" }).getByRole("listitem").filter({ hasText: client });
  await expect(notice).toContainText("Cancelled");
  await expect(notice).toContainText(`Ada Admin: ${reason}`);
  await snap(page, "admin-cancel-06-notified");
  await notice.getByRole("link", { name: /Open the request/ }).click();
  await expect(page).toHaveURL(requestUrl);
  await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(new RegExp(`This request was cancelled by Ada Admin on .*: “${reason}” Nothing more will happen on it\\.`))).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText(`The request was cancelled: ${reason}`);
  await snap(page, "admin-cancel-07-request-cancelled");
});
