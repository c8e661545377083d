import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, snap } from "./support.ts";

/**
 * Scenario 4 with its scoring as a service call: a credit officer registers
 * an application in the portal; the job worker scores it by calling the
 * demo scoring on this same server (the template's {{secrets.SCORING_URL}}
 * defaults to it) while the service desk does the security check; the
 * officer's decision then shows the score. Nobody types a score.
 */
test("scenario 4: the scoring service scores a credit application by itself, and the officer's decision shows it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 1000 });

  // Sam registers the application: 24 000 EUR over 48 months, 4 000 EUR income, one loan of 300 EUR.
  await signIn(page, "portal", "sam");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /^Credit application/ }).click();
  await page.getByLabel(/^Full name/).fill("Katherine Johnson");
  await page.getByLabel(/^E-mail/).fill("katherine@example.com");
  await page.getByLabel(/^Product/).selectOption({ label: "Car loan" });
  await page.getByLabel(/^Amount/).fill("24000");
  await page.getByLabel(/^Term \(months\)/).fill("48");
  await page.getByLabel(/^Card category/).selectOption({ label: "Standard" });
  await page.getByLabel(/^Monthly net income/).fill("4000");
  const loans = page.getByRole("group", { name: /Existing loans/ });
  await loans.getByRole("button", { name: "Add row" }).click();
  await loans.getByLabel(/Lender/).fill("City Bank");
  await loans.getByLabel(/Monthly payment/).fill("300");
  await snap(page, "scoring-01-application");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await signOut(page);

  // Dana, at the service desk, does the security check; the scoring is no one's task.
  await signIn(page, "portal", "dana");
  const queue = page.getByRole("region", { name: "Open for my groups" });
  // Other tests' applications may wait in the same queue: this one is Katherine Johnson's.
  const claimCheck = queue.getByRole("button", { name: /Claim Security check, Credit application #\d+ — Katherine Johnson/ });
  await expect(claimCheck).toBeVisible();
  await expect(page.getByText(/Scoring review|Score the application/)).toHaveCount(0);
  await claimCheck.click();
  await mineFor(page, "Katherine Johnson").getByRole("link", { name: /Security check/ }).click();
  await expect(page.getByText("Katherine Johnson", { exact: true })).toBeVisible();
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByLabel(/^Outcome/).selectOption({ label: "No concerns" });
  await snap(page, "scoring-02-security-check");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // Sam's decision arrives once both checks are done; the worker scored it meanwhile.
  await signIn(page, "portal", "sam");
  const decision = page.getByRole("region", { name: "Open for my groups" }).getByRole("button", { name: /Claim Credit officer decision, Credit application #\d+ — Katherine Johnson/ });
  await untilVisible(page, decision);
  await decision.click();
  await mineFor(page, "Katherine Johnson").getByRole("link", { name: /Credit officer decision/ }).click();
  // The demo formula: (24 000 / 48 + 300) / 4 000 = 0.2 of the income → score 800, low risk, 3 % + 200 / 125 = 4.6 %.
  await expect(page.getByRole("group", { name: "Score", exact: true })).toContainText("800");
  await expect(page.getByRole("group", { name: "Risk class", exact: true })).toContainText(/low/i);
  await expect(page.getByRole("group", { name: "Proposed interest rate", exact: true })).toContainText("4.6");
  await expect(page.getByRole("group", { name: "Security check", exact: true })).toContainText("No concerns");
  await snap(page, "scoring-03-decision-shows-score");
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);
});

/** This applicant's rows among the tasks assigned to the signed-in user. */
function mineFor(page: Page, applicant: string) {
  return page.getByRole("region", { name: "Assigned to me" }).getByRole("listitem").filter({ hasText: applicant });
}

/** Reloads the inbox until `target` shows: the job worker works on its own time. */
async function untilVisible(page: Page, target: ReturnType<Page["getByRole"]>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(target).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
