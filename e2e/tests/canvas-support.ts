import { expect, type Locator, type Page } from "@playwright/test";

/** The designer's canvas as the tests drive it: steps, points of the process, drops. */
export const saved = (page: Page) => page.getByRole("toolbar", { name: "Process" }).getByRole("status").filter({ hasText: "Saved" });

export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Where a point of the process (flow coordinates) is on the screen now. */
export async function toScreen(page: Page, at: { x: number; y: number }) {
  return page.evaluate(([x, y]) => {
    const viewport = document.querySelector(".react-flow__viewport")!;
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const box = document.querySelector(".react-flow")!.getBoundingClientRect();
    return { x: box.left + m.e + x * m.a, y: box.top + m.f + y * m.a };
  }, [at.x, at.y] as const);
}

/** Zooming animates: wait until the view stops moving. */
export async function viewportSettled(page: Page) {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { lastTransform?: string };
      const t = getComputedStyle(document.querySelector(".react-flow__viewport")!).transform;
      const same = w.lastTransform === t;
      w.lastTransform = t;
      return same;
    },
    null,
    { polling: 150 },
  );
}

/** Drags `source` (HTML5 drag and drop, with the mouse) to a point of the process. */
export async function dragOntoCanvas(page: Page, source: Locator, at: { x: number; y: number }) {
  const pane = page.locator(".react-flow__pane");
  const paneBox = (await pane.boundingBox())!;
  const p = await toScreen(page, at);
  await source.dragTo(pane, { targetPosition: { x: p.x - paneBox.x, y: p.y - paneBox.y } });
}

/** Drags a step with the mouse to a point of the process. */
export async function dragNode(page: Page, id: string, to: { x: number; y: number }) {
  const box = (await node(page, id).boundingBox())!;
  const target = await toScreen(page, to);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 3 });
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();
}

/** A palette item dragged (HTML5 drag and drop) to a point of the process. */
export async function dropFromPalette(page: Page, item: string, at: { x: number; y: number }) {
  await dragOntoCanvas(page, page.getByRole("button", { name: item, exact: true }), at);
}

/** Renames a step in place (double-click). */
export async function rename(page: Page, id: string, name: string) {
  await node(page, id).dblclick();
  const input = page.getByRole("textbox", { name: /^Name of/ });
  await input.fill(name);
  await input.press("Enter");
  await expect(node(page, id)).toContainText(name);
}

/** From one step's handle to another's, with the mouse. */
export async function connect(page: Page, [from, fromSide]: [string, string], [to, toSide]: [string, string]) {
  await node(page, from).hover();
  const h = (await node(page, from).locator(`.react-flow__handle[data-handleid="s-${fromSide}"]`).boundingBox())!;
  const t = (await node(page, to).locator(`.react-flow__handle[data-handleid="s-${toSide}"]`).boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 + 12, h.y + h.height / 2 + 12, { steps: 3 });
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 12 });
  await page.mouse.up();
}
