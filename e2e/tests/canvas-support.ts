import type { Locator, Page } from "@playwright/test";

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
