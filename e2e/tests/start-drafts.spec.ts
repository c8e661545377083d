import { expect, test } from "@playwright/test";
import { signIn, snap } from "./support.ts";

/**
 * A start form's draft in the portal: it survives a reload, a second window
 * that falls behind is told so instead of overwriting the newer draft, and
 * "Discard draft" empties the form for good.
 */
test("start-form drafts: resume, stale window, discard", async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signIn(page, "portal", "sara");
  await page.goto("/portal/start/credit-application");
  const name = page.getByLabel(/Full name/);
  await name.fill("Mary Jackson");
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  await page.reload();
  await expect(name).toHaveValue("Mary Jackson");
  await expect(page.getByText(/You are continuing your draft from/)).toBeVisible();

  // A second window of the same draft saves first; the first one falls behind.
  const other = await context.newPage();
  await other.setViewportSize({ width: 1280, height: 1000 });
  await other.goto("/portal/start/credit-application");
  await other.getByLabel(/Full name/).fill("Mary W. Jackson");
  await expect(other.getByText(/All changes saved/)).toBeVisible();
  await page.getByLabel(/E-mail/).fill("mary@example.com");
  const notice = page.getByRole("alert").filter({ hasText: "Your draft of this form was changed in another window." });
  await expect(notice).toBeVisible();
  await snap(page, "start-draft-01-conflict");
  await notice.getByRole("button", { name: "Reload" }).click();
  await expect(name).toHaveValue("Mary W. Jackson");
  await expect(page.getByLabel(/E-mail/)).toHaveValue("");
  await other.close();

  // Discard asks once more, then the form is empty, also after a reload.
  await page.getByRole("button", { name: "Discard draft" }).click();
  await snap(page, "start-draft-02-discard-confirm");
  await page.getByRole("group", { name: "Discard the draft" }).getByRole("button", { name: "Discard" }).click();
  await expect(name).toHaveValue("");
  await expect(page.getByRole("button", { name: "Discard draft" })).toHaveCount(0);
  await page.reload();
  await expect(name).toHaveValue("");
  await expect(page.getByText(/You are continuing your draft/)).toHaveCount(0);
});
