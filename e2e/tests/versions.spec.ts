import { expect, test } from "@playwright/test";
import { apiMutation, apiQuery, signIn, snap } from "./support.ts";

/**
 * Versions in the admin console: an admin publishes a draft that gained a
 * stage, with the release note Baton proposes; compares the two versions
 * (the list of changes and both diagrams with the new stage highlighted);
 * deprecates the old version and rolls back to it only after undeprecating.
 */
const key = "e2e-versions-desk";
const step = (id: string, kind: string, name: string, x: number, extra: Record<string, unknown> = {}) => ({ id, kind, name, position: { x, y: 100 }, ...extra });
const task = (id: string, name: string, x: number) => step(id, "userTask", name, x, { assignment: { type: "group", group: "service-desk" }, form: { schemaVersion: 1, blocks: [] } });

function desk(withReview: boolean) {
  const steps = [step("start", "start", "Request", 0), task("resolve", "Resolve the request", 160), ...(withReview ? [task("review", "Second-level review", 380)] : []), step("done", "end", "Closed", withReview ? 600 : 380)];
  const connections = withReview
    ? [
        { id: "c1", source: "start", target: "resolve" },
        { id: "c2", source: "resolve", target: "review" },
        { id: "c3", source: "review", target: "done" },
      ]
    : [
        { id: "c1", source: "start", target: "resolve" },
        { id: "c2", source: "resolve", target: "done" },
      ];
  return { schemaVersion: 1, key, name: "Desk with review", steps, connections };
}

test("an admin publishes with a release note, compares versions and rolls back", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signIn(page, "studio", "admin");
  await apiMutation(page, "studio.saveDraft", { key, expectedVersion: null, definition: desk(false) });
  await apiMutation(page, "versions.publish", { key, label: "First desk" });
  const draft = await apiQuery<{ version: number }>(page, "studio.draft", { key });
  await apiMutation(page, "studio.saveDraft", { key, expectedVersion: draft.version, definition: desk(true) });

  await page.goto(`/studio/admin/processes/${key}`);
  await expect(page.getByRole("heading", { name: "Desk with review" })).toBeVisible();
  await page.getByRole("button", { name: "Publish the draft" }).click();
  const publish = page.getByRole("dialog", { name: "Publish Desk with review" });
  await expect(publish.getByLabel("Release note")).toHaveValue(/Added task "Second-level review"\./);
  await publish.getByLabel("Label (optional)").fill("Review stage");
  await snap(page, "versions-01-publish-dialog");
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish).toBeHidden();
  const latest = page.getByRole("row", { name: /Version 2/ });
  await expect(latest).toContainText("Review stage");
  await expect(latest).toContainText("Added task");
  await snap(page, "versions-02-table");

  await latest.getByRole("link", { name: "Compare version 2 with version 1" }).click();
  await expect(page.getByRole("heading", { name: "Compare versions of Desk with review" })).toBeVisible();
  const summary = page.getByRole("region", { name: "What changed from version 1 to version 2" });
  await expect(summary.getByRole("region", { name: "Steps" })).toContainText("Added Second-level review");
  await expect(page.locator('.bpmn-view[data-status="shown"]')).toHaveCount(2);
  // The new stage and its connections are highlighted on version 2; the retargeted connection on both.
  await expect(page.locator('.compare-diagram').nth(1).locator('.djs-element.diff-added[data-element-id="review"]')).toHaveCount(1);
  await expect(page.locator('.compare-diagram').nth(0).locator('.djs-element.diff-changed[data-element-id="c2"]')).toHaveCount(1);
  await snap(page, "versions-03-compare");

  await page.getByRole("link", { name: "Desk with review" }).click();
  await page.getByRole("button", { name: "Deprecate version 1" }).click();
  const deprecate = page.getByRole("dialog", { name: "Deprecate version 1 of Desk with review?" });
  await deprecate.getByLabel(/Reason/).fill("no second look");
  await deprecate.getByRole("button", { name: "Deprecate" }).click();
  await expect(page.getByRole("row", { name: /Version 1/ })).toContainText("Deprecated");
  await page.getByRole("button", { name: "Undeprecate version 1" }).click();
  await page.getByRole("dialog", { name: "Undeprecate version 1?" }).getByRole("button", { name: "Undeprecate" }).click();
  await page.getByRole("button", { name: "Roll back to version 1" }).click();
  const rollback = page.getByRole("dialog", { name: "Roll back Desk with review to version 1?" });
  await rollback.getByRole("button", { name: "Roll back to version 1" }).click();
  const v3 = page.getByRole("row", { name: /Version 3/ });
  await expect(v3).toContainText("Rolled back to v1.");
  await snap(page, "versions-04-rolled-back");
});
