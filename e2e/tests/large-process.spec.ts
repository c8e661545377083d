import { expect, test, type Page } from "@playwright/test";
import { signIn, snap } from "./support.ts";

const KEY = "e2e-large-process";
const TASKS = 400;

/** Start → 400 tasks in rows of 20 → a decision → end; the decision's condition far down the chain does not parse. */
function largeProcess() {
  const at = (i: number) => ({ x: (i % 20) * 280, y: Math.floor(i / 20) * 160 });
  const steps: Record<string, unknown>[] = [{ id: "start", kind: "start", name: "Start", position: at(0), starters: [] }];
  const connections: Record<string, unknown>[] = [];
  for (let i = 1; i <= TASKS; i++) {
    steps.push({ id: `task${i}`, kind: "userTask", name: `Task ${i}`, position: at(i), assignment: { type: "group", group: "service-desk" }, form: { schemaVersion: 1, blocks: [] } });
    connections.push({ id: `c${i}`, source: i === 1 ? "start" : `task${i - 1}`, target: `task${i}` });
  }
  steps.push({ id: "check", kind: "exclusiveGateway", name: "Check", position: at(TASKS + 1) });
  steps.push({ id: "end", kind: "end", name: "End", position: at(TASKS + 2) });
  connections.push(
    { id: "to-check", source: `task${TASKS}`, target: "check" },
    { id: "broken", source: "check", target: "end", label: "Big", condition: "amount >" },
    { id: "back", source: "check", target: `task${TASKS}`, isDefault: true },
  );
  return { schemaVersion: 1, key: KEY, name: "Large process", timeZone: "UTC", steps, connections, usedBlocks: [] };
}

async function saveDraft(page: Page, definition: unknown) {
  const draft = await page.request.get(`/trpc/studio.draft?input=${encodeURIComponent(JSON.stringify({ key: KEY }))}`);
  const expectedVersion = draft.ok() ? (await draft.json()).result.data.version : null;
  const res = await page.request.post("/trpc/studio.saveDraft", { data: { key: KEY, expectedVersion, definition } });
  expect(res.ok(), await res.text()).toBe(true);
}

/**
 * A process of 400 steps opens readable on its beginning, draws only the
 * steps in view, is checked in a background worker (the problem far down
 * the chain is listed and marked), and choosing the problem brings its
 * place into view.
 */
test("a large process opens on its start, is checked in the background and its problems lead to their place", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");
  await saveDraft(page, largeProcess());
  await page.goto(`/studio/processes/${KEY}`);

  await expect(page.locator(".react-flow__node").filter({ hasText: "Task 1" }).first()).toBeVisible();
  const drawn = await page.locator(".react-flow__node").count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(80);
  // The opening view can be read: a task card is drawn at (nearly) full size.
  const card = (await page.locator(".react-flow__node-userTask").first().boundingBox())!;
  expect(card.width).toBeGreaterThan(150);

  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems.getByLabel("1 errors")).toBeVisible();
  await expect(problems.getByText("Checked as you edit")).toBeVisible();
  expect(page.workers().some((w) => w.url().includes("validate.worker"))).toBe(true);
  await snap(page, "large-01-opened");

  // The decision at the end of the chain is not drawn until the problem brings it into view.
  await expect(page.locator('.react-flow__node[data-id="check"]')).toHaveCount(0);
  await problems.getByRole("button", { name: /does not parse|expression|condition/i }).first().click();
  await expect(page.locator('.react-flow__node[data-id="check"]')).toBeVisible();
  await expect(page.locator('.react-flow__edge[data-id="broken"]')).toBeVisible();
  await snap(page, "large-02-problem-shown");
});
