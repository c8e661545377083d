import { expect, test } from "@playwright/test";
import { signIn, snap } from "./support.ts";

/** The analyst opens the template on the canvas, checks it and publishes. */
test("an analyst opens, validates and publishes lead to customer", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "studio", "ana");
  await page.getByRole("link", { name: /Lead to customer/ }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(11);
  await page.locator(".react-flow__node").filter({ hasText: "Call back the prospect" }).click();
  await expect(page.getByRole("complementary").getByText("Anyone in Sales")).toBeVisible();
  await snap(page, "studio-01-process");

  // The task's form, as the participant will get it, tried out without saving anything.
  await page.getByRole("complementary").getByRole("button", { name: "Preview form" }).click();
  const preview = page.getByRole("dialog", { name: "Preview: Call back the prospect" });
  await expect(preview.getByRole("combobox", { name: /Outcome of the call/ })).toBeVisible();
  await preview.getByRole("button", { name: "Check as on completing" }).click();
  await expect(preview.getByText("Outcome of the call is required.").first()).toBeVisible();
  await preview.getByRole("combobox", { name: /Outcome of the call/ }).selectOption({ label: "Converted: wants to order" });
  await preview.getByRole("button", { name: "Check as on completing" }).click();
  await expect(preview.getByRole("status").filter({ hasText: "Everything entered would be accepted." })).toBeVisible();
  await snap(page, "studio-01b-form-preview");
  await preview.getByRole("button", { name: "Close" }).click();
  await expect(preview).toHaveCount(0);
  await page.getByRole("button", { name: "Validate" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog").getByRole("button", { name: /Publish/ }).click();
  await expect(page.getByText(/Nothing changed since version 1|Published version/)).toBeVisible();
  await snap(page, "studio-02-published");
});

test("a participant is sent to the portal", async ({ page }) => {
  await page.goto("/studio/");
  await page.getByLabel("User name").fill("sam");
  await page.getByLabel("Password").fill("sam-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/for analysts and admins/)).toBeVisible();
});
