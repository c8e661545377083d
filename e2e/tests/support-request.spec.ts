import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, snap } from "./support.ts";

/** Picks a person in a directory picker by typing part of their name. */
async function pickPerson(page: Page, label: RegExp, name: string) {
  const picker = page.getByRole("combobox", { name: label });
  await picker.fill(name.split(" ")[0]!);
  await page.getByRole("option", { name: new RegExp(name) }).click();
}

/**
 * Scenario 2 in the portal: the service desk logs a client request, the
 * dispatcher hands it to Sam with Sara as helper (she is told), Sam
 * resolves it, the dispatcher returns it with a comment, Sam sees the
 * comment and resolves it again, the dispatcher approves, Sam is told.
 */
test("a support request goes through dispatch, resolution and the dispatcher's visa with one return", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Support request/ }).click();
  await page.getByLabel(/^Client/).fill("ACME Ltd");
  await page.getByLabel(/Came in by/).selectOption({ label: "Phone" });
  await page.getByLabel(/^Subject/).fill("Printer jams every morning");
  await page.getByLabel(/^Description/).fill("Tray 2 jams on the first print of the day.");
  await page.getByRole("radio", { name: "High" }).check();
  await snap(page, "support-01-logged");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();

  // Dispatch: the service desk's queue.
  await page.getByRole("link", { name: "Back to inbox" }).click();
  await page.getByRole("region", { name: "Open for my groups" }).getByRole("button", { name: /Claim Dispatch the request/ }).click();
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Dispatch the request/ }).click();
  await expect(page.getByText("Printer jams every morning")).toBeVisible();
  await pickPerson(page, /Responsible person/, "Sam Sales");
  await pickPerson(page, /^Helper/, "Sara Sales");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // Sam resolves it (due within a day: high urgency).
  await signIn(page, "portal", "sam");
  const mine = page.getByRole("region", { name: "Assigned to me" });
  await expect(mine.getByText(/due (today|tomorrow)/i)).toBeVisible();
  await mine.getByRole("link", { name: /Resolve the request/ }).click();
  await page.getByLabel(/^Resolution/).fill("Cleaned the rollers of tray 2.");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // The dispatcher returns it with a comment.
  await signIn(page, "portal", "dana");
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Approve the resolution/ }).click();
  await expect(page.getByText("Cleaned the rollers of tray 2.")).toBeVisible();
  await page.getByRole("radio", { name: "Reject" }).check();
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText(/Comment is required/).first()).toBeVisible();
  await page.getByLabel(/^Comment/).fill("Please replace the rollers; cleaning will not last.");
  await snap(page, "support-02-visa-returned");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // Sam sees why, resolves again; the dispatcher approves.
  await signIn(page, "portal", "sam");
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Resolve the request/ }).click();
  await expect(page.getByText("Please replace the rollers; cleaning will not last.")).toBeVisible();
  await snap(page, "support-03-returned-comment");
  await page.getByLabel(/^Resolution/).fill("Replaced both rollers of tray 2.");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  await signIn(page, "portal", "dana");
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Approve the resolution/ }).click();
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // Sam is told it is closed (the bell), and the helper was told at dispatch.
  await signIn(page, "portal", "sam");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(page.getByText("ACME Ltd's request is closed")).toBeVisible();
  await snap(page, "support-04-closed-notification");
  await page.keyboard.press("Escape");
  await signOut(page);
  await signIn(page, "portal", "sara");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(page.getByText("You are helping with: Printer jams every morning")).toBeVisible();
});
