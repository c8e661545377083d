import { expect, test } from "@playwright/test";
import { signIn, signOut, snap } from "./support.ts";

const pdf = (name: string, text = "%PDF-1.7 payslip") => ({ name, mimeType: "application/pdf", buffer: Buffer.from(text) });

/**
 * Attachments in the portal: the credit officer adds proof of income to a
 * credit application (a file of the wrong type is refused beside the field,
 * a removed one is gone), the files survive a reload in the draft, reach
 * the request with the start, and download; someone outside the request
 * cannot fetch them.
 */
test("a credit application carries proof of income from the start form to the request", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signIn(page, "portal", "sam");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Credit application/ }).click();

  await page.getByLabel(/Full name/).fill("Ada Lovelace");
  await page.getByLabel(/E-mail/).fill("ada@example.com");
  await page.getByLabel(/^Product/).selectOption({ label: "Car loan" });
  await page.getByLabel(/^Amount/).fill("12000");
  await page.getByLabel(/Term \(months\)/).fill("48");
  await page.getByLabel(/Card category/).selectOption({ label: "Standard" });

  const files = page.getByLabel(/Proof of income/);
  await files.setInputFiles([{ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") }]);
  await expect(page.getByText('"notes.txt" is not a type this field takes (application/pdf, image/*).')).toBeVisible();
  await files.setInputFiles([pdf("payslip-march.pdf"), pdf("payslip-april.pdf", "%PDF-1.7 april")]);
  await expect(page.getByRole("link", { name: "payslip-april.pdf" })).toBeVisible();
  await expect(page.getByText('"notes.txt" is not a type')).toHaveCount(0);
  await page.getByRole("button", { name: "Remove payslip-april.pdf" }).click();
  await expect(page.getByRole("link", { name: "payslip-april.pdf" })).toHaveCount(0);
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await snap(page, "attachments-01-start-form");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "payslip-march.pdf" }).scrollIntoViewIfNeeded();
  await snap(page, "attachments-02-start-form-phone");
  await page.setViewportSize({ width: 1280, height: 1000 });

  // The draft keeps the file: after a reload it is still there.
  await page.reload();
  await expect(page.getByRole("link", { name: "payslip-march.pdf" })).toBeVisible();

  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await page.getByRole("link", { name: /My requests/ }).first().click();
  await page.getByRole("link", { name: /Credit application/ }).first().click();
  const entered = page.getByRole("region", { name: "What was entered" });
  const link = entered.getByRole("link", { name: "payslip-march.pdf" });
  await expect(link).toBeVisible();
  await snap(page, "attachments-03-request");
  const href = (await link.getAttribute("href"))!;
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe("%PDF-1.7 payslip");
  await signOut(page);

  // Shipping has nothing to do with the application: the file is not theirs to see.
  await signIn(page, "portal", "shay");
  const refused = await page.request.get(href);
  expect(refused.status()).toBe(404);
});
