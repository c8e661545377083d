import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support.ts";

/**
 * Baton's BPMN export opens in bpmn-js as drawn: every template, and every
 * executable file of the test fixtures after its trip through Baton
 * (import → draft → export), renders in the studio's BPMN tab with no
 * import warnings.
 */
const fixtures = join(import.meta.dirname, "..", "..", "packages", "model", "test-fixtures", "bpmn", "executable");
const files = readdirSync(fixtures).filter((f) => f.endsWith(".bpmn")).sort();

async function expectCleanBpmnTab(page: import("@playwright/test").Page, key: string) {
  await page.goto(`/studio/processes/${key}`);
  await page.getByRole("tab", { name: "BPMN" }).click();
  const view = page.locator(".bpmn-view");
  await expect(view).toHaveAttribute("data-import-warnings", /\d+/, { timeout: 20_000 });
  await expect(view.getByRole("alert")).toHaveCount(0);
  expect(await view.getAttribute("data-import-warnings"), `${key}: bpmn-js import warnings`).toBe("0");
  expect(await view.locator(".djs-element.djs-shape").count(), `${key}: shapes drawn`).toBeGreaterThan(1);
}

test("templates and imported files export to BPMN that bpmn-js renders without warnings", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "studio", "ana");
  for (const key of ["lead-to-customer", "credit-application"]) await expectCleanBpmnTab(page, key);

  for (const file of files) {
    const xml = readFileSync(join(fixtures, file), "utf8");
    const res = await page.request.post("/trpc/studio.importBpmn", { data: { xml, key: `fx-${files.indexOf(file)}` } });
    expect(res.ok(), `${file}: ${await res.text()}`).toBe(true);
    const imported = (await res.json()).result.data as { key: string };
    await expectCleanBpmnTab(page, imported.key);
  }
});
