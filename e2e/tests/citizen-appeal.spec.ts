import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, snap } from "./support.ts";

async function claimAndOpen(page: Page, taskName: RegExp) {
  await page.getByRole("region", { name: "Open for my groups" }).getByRole("button", { name: new RegExp(`Claim ${taskName.source}`) }).click();
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: taskName }).click();
}

async function complete(page: Page) {
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await page.getByRole("link", { name: "Inbox" }).first().click();
}

/**
 * Scenario 3 in the portal: the secretariat registers an appeal naming the
 * responsible official, finds no personal file and creates one (the "No"
 * branch), the official answers, the secretariat sends the answer, and the
 * official is told the appeal is closed.
 */
test("a citizen appeal without a personal file is filed in a new one, answered and closed", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Citizen appeal/ }).click();
  await page.getByLabel(/Full name/).fill("Maria Lopez");
  await page.getByLabel(/^Contact/).fill("maria@example.org");
  await page.getByLabel(/Received on/).fill("2026-12-01");
  await page.getByLabel(/Received by/).selectOption({ label: "Letter" });
  await page.getByLabel(/What the citizen asks/).fill("The street light in front of number 12 has been broken for a month.");
  const official = page.getByRole("combobox", { name: /Responsible official/ });
  await official.fill("Sam");
  await page.getByRole("option", { name: /Sam Sales/ }).click();
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await page.getByRole("link", { name: "Back to inbox" }).click();

  // No personal file: the number field stays hidden, and the "No" branch asks for personal data.
  await claimAndOpen(page, /Look for the personal file/);
  await expect(page.getByText("The street light in front of number 12 has been broken for a month.")).toBeVisible();
  await page.getByRole("group", { name: /personal file\?/ }).getByRole("radio", { name: "No" }).check();
  await expect(page.getByLabel(/Personal file number/)).toHaveCount(0);
  await complete(page);
  await claimAndOpen(page, /Create a personal file/);
  await page.getByLabel(/Date of birth/).fill("1980-02-03");
  await page.getByLabel(/^Address/).fill("12 High Street, Springfield");
  await page.getByLabel(/New personal file number/).fill("PF-123");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("A personal file number looks like PF-01234.").first()).toBeVisible();
  await page.getByLabel(/New personal file number/).fill("PF-04321");
  await snap(page, "appeal-01-new-file");
  await complete(page);
  await signOut(page);

  // The official answers.
  await signIn(page, "portal", "sam");
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Prepare the answer/ }).click();
  await expect(page.getByText("PF-04321")).toBeVisible();
  await page.getByLabel(/^Answer/).fill("The street light will be repaired this week. Thank you for telling us.");
  await snap(page, "appeal-02-answer");
  await complete(page);
  await signOut(page);

  // The secretariat sends it and closes the appeal; the official is told.
  await signIn(page, "portal", "dana");
  await claimAndOpen(page, /Send the answer and close/);
  await expect(page.getByText("The street light will be repaired this week. Thank you for telling us.")).toBeVisible();
  await page.getByLabel(/Sent on/).fill("2026-12-03");
  await page.getByRole("radio", { name: "E-mail" }).check();
  await complete(page);
  await signOut(page);

  await signIn(page, "portal", "sam");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(page.getByText("Your answer to Maria Lopez was sent")).toBeVisible();
  await page.getByRole("link", { name: "Open the request" }).click();
  await expect(page.getByText("Completed", { exact: true }).or(page.getByText("Done", { exact: true })).first()).toBeVisible();
  await snap(page, "appeal-03-closed");
});
