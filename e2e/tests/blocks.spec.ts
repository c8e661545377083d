import { expect, test } from "@playwright/test";
import { dragOntoCanvas, node, saved, viewportSettled } from "./canvas-support.ts";
import { apiQuery, createProcess, signIn, snap } from "./support.ts";

/**
 * The block library shipped in templates/blocks, used in the designer: an
 * analyst finds "Manager approval with escalation" in the palette, drags it
 * onto a new process, takes the whole insertion back with one undo and
 * redoes it, inserts it a second time with the keyboard, and the saved
 * draft records the block and version it was built from.
 */
const KEY = "manager-approval-with-escalation";
const STEPS = ["managerReview", "approvedDecision", "seniorReview", "reviseRequest"];
const idsOf = (copy: number) => STEPS.map((id) => `${KEY}_${copy}_${id}`);

type Draft = { version: number; definition: { steps: { id: string; position: { x: number; y: number } }[]; connections: { id: string }[]; usedBlocks: { key: string; version: number }[] } };

test("an analyst drags a library block onto a process, undoes and redoes it, and inserts it again with the keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");
  await createProcess(page, "Purchase request");
  await expect(page).toHaveURL(/\/studio\/processes\/purchase-request$/);
  const canvas = page.getByRole("region", { name: "Diagram of Purchase request" });
  const nodes = canvas.locator(".react-flow__node");
  const edges = canvas.locator(".react-flow__edge");
  await expect(nodes).toHaveCount(2);
  // Room below the start and the end for two copies.
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Zoom Out" }).click();
  await viewportSettled(page);

  // The seeded block, found by searching the palette's library.
  const library = page.getByRole("navigation", { name: "Palette" }).getByRole("region", { name: "Blocks" });
  await library.getByRole("searchbox", { name: "Search blocks" }).fill("escalat");
  const item = library.getByRole("listitem").filter({ hasText: "Manager approval with escalation" });
  await expect(library.getByRole("listitem")).toHaveCount(1);
  await expect(item.getByLabel("version 1")).toBeVisible();
  await expect(item).toContainText("4 steps");
  await expect(item.getByRole("img", { name: "Manager approval with escalation: 4 steps, 5 connections" })).toBeVisible();

  // Dragged with the mouse: its steps land with fresh ids, the block's top-left corner at the drop point.
  await dragOntoCanvas(page, item, { x: 100, y: 280 });
  await expect(nodes).toHaveCount(6);
  for (const id of idsOf(1)) await expect(node(page, id)).toBeVisible();
  await expect(edges).toHaveCount(5);
  await expect(node(page, `${KEY}_1_managerReview`)).toContainText("Manager review");
  await expect(canvas.locator(".edge-label", { hasText: "Escalated" })).toBeVisible();
  await expect(canvas.locator(".edge-label", { hasText: "Returned" })).toBeVisible();
  await snap(page, "blocks-01-dropped");

  // One Ctrl+Z takes the whole block back; redo brings it back with the same ids.
  await page.keyboard.press("Control+z");
  await expect(nodes).toHaveCount(2);
  await expect(edges).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(nodes).toHaveCount(6);
  for (const id of idsOf(1)) await expect(node(page, id)).toBeVisible();
  await expect(edges).toHaveCount(5);

  // The keyboard way: focus the block's Insert button and press Enter.
  await item.getByRole("button", { name: "Insert Manager approval with escalation" }).focus();
  await page.keyboard.press("Enter");
  await expect(nodes).toHaveCount(10);
  for (const id of idsOf(2)) await expect(node(page, id)).toBeVisible();
  await expect(edges).toHaveCount(10);
  await page.getByRole("button", { name: "Fit View" }).click();
  await viewportSettled(page);
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });
  await snap(page, "blocks-02-inserted-twice");

  // The saved draft records the block and the version it was built from, once.
  const draft = await apiQuery<Draft>(page, "studio.draft", { key: "purchase-request" });
  expect(draft.definition.usedBlocks).toEqual([{ key: KEY, version: 1 }]);
  expect(draft.definition.steps.map((s) => s.id)).toEqual(["start", "end", ...idsOf(1), ...idsOf(2)]);
  const position = (id: string) => draft.definition.steps.find((s) => s.id === id)!.position;
  const review = position(`${KEY}_1_managerReview`); // 140 below the block's top-left corner
  expect(Math.abs(review.x - 100)).toBeLessThan(30);
  expect(Math.abs(review.y - 420)).toBeLessThan(30);
  // The keyboard's copy found room of its own: the two copies' shapes do not overlap.
  const boxes = async (copy: number) => Promise.all(idsOf(copy).map(async (id) => (await node(page, id).boundingBox())!));
  for (const a of await boxes(1)) {
    for (const b of await boxes(2)) {
      expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    }
  }

  // The library shows the block in use, after a reload too.
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Palette" }).getByRole("listitem").filter({ hasText: "Manager approval with escalation" })).toContainText(
    "used in 1 process",
  );
  // With nothing selected, the process's properties say which block versions it was built with.
  const properties = page.getByRole("complementary", { name: "Properties" });
  await expect(properties.getByRole("heading", { name: "Purchase request" })).toBeVisible();
  await expect(properties.locator(".used-blocks")).toHaveText("Manager approval with escalation v1");
  await snap(page, "blocks-03-library-after-reload");
});
