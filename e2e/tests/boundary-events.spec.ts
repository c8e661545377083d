import { expect, test } from "@playwright/test";
import { connect, dragNode, node, saved } from "./canvas-support.ts";
import { apiMutation, signIn, snap } from "./support.ts";

const form = (blocks: unknown[]) => ({ schemaVersion: 1, blocks });

/** An invoice is checked by Sam; a check that takes too long goes to the "Closed as late" end instead. */
const invoice = {
  schemaVersion: 1,
  key: "e2e-invoice-deadline",
  name: "Invoice deadline (e2e)",
  steps: [
    { id: "start", kind: "start", name: "Invoice", position: { x: 0, y: 122 }, starters: [] },
    { id: "check", kind: "userTask", name: "Check the invoice", position: { x: 120, y: 100 }, assignment: { type: "user", user: "sam" }, form: form([]) },
    { id: "done", kind: "end", name: "Paid", position: { x: 420, y: 122 } },
    { id: "late", kind: "end", name: "Closed as late", position: { x: 420, y: 262 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "check" },
    { id: "c2", source: "check", target: "done" },
  ],
};

/**
 * An analyst puts a two-day deadline on a task from its properties, sees the
 * event on the task's bottom edge and the problem that it leads nowhere
 * (which points at it), connects it to the end nothing reached yet, and
 * the process is clean.
 */
test("an analyst adds a deadline to a task, connects it, and the process has no problems", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");
  await apiMutation(page, "studio.saveDraft", { key: invoice.key, expectedVersion: null, definition: invoice });
  await page.goto(`/studio/processes/${invoice.key}`);
  const canvas = page.getByRole("region", { name: `Diagram of ${invoice.name}` });
  const properties = page.getByRole("complementary", { name: "Properties" });
  const problems = page.getByRole("region", { name: "Problems" });
  // "Closed as late" cannot be reached yet.
  await expect(problems.getByLabel("1 errors")).toBeVisible();

  await node(page, "check").click();
  await properties.getByRole("button", { name: "Add a deadline (timer)" }).click();
  await expect(node(page, "event1")).toBeVisible();
  await expect(node(page, "event1").locator(".step-boundary")).toBeVisible();
  // On the task's bottom edge: its centre on the edge's line.
  const task = (await node(page, "check").boundingBox())!;
  const event = (await node(page, "event1").boundingBox())!;
  expect(Math.abs(event.y + event.height / 2 - (task.y + task.height))).toBeLessThan(3);

  // The new event is selected: its own properties, the task named read-only.
  await expect(properties.getByRole("button", { name: "Check the invoice" })).toBeVisible();
  const span = properties.getByRole("textbox", { name: "Time span (ISO 8601)" });
  await span.fill("two days");
  await expect(properties.getByText(/Use an ISO 8601 duration/)).toBeVisible();
  await span.fill("P2D");
  await expect(properties.getByText("Goes off when the step has run for 2 days.")).toBeVisible();
  await span.press("Enter");

  // It leads nowhere yet: the problem names it, and choosing it selects it.
  await expect(problems.getByLabel("2 errors")).toBeVisible();
  await page.getByRole("button", { name: "Fit View" }).click();
  await node(page, "check").click();
  await problems.getByRole("button", { name: /Deadline/ }).first().click();
  await expect(properties.getByRole("textbox", { name: "Time span (ISO 8601)" })).toHaveValue("P2D");

  await connect(page, ["event1", "bottom"], ["late", "left"]);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(3);
  await expect(problems.getByLabel("0 errors")).toBeVisible();
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });
  await snap(page, "boundary-01-deadline-connected");

  await node(page, "check").click();
  await expect(properties.getByRole("listitem").filter({ hasText: "Deadline" })).toContainText("after 2 days; stops the step");
  // Drawn over its task even while the task is selected.
  const box = (await node(page, "event1").boundingBox())!;
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest(".react-flow__node")?.getAttribute("data-id"), [box.x + box.width / 2, box.y + box.height / 2 + 6] as const);
  expect(onTop).toBe("event1");
  await properties.getByRole("button", { name: "Add an error catch" }).scrollIntoViewIfNeeded();
  await snap(page, "boundary-02-task-events");

  // Dragging the task takes its deadline along, on the same edge.
  const taskBefore = (await node(page, "check").boundingBox())!;
  const eventBefore = (await node(page, "event1").boundingBox())!;
  await dragNode(page, "check", { x: 240, y: 20 });
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });
  const taskMoved = (await node(page, "check").boundingBox())!;
  const eventMoved = (await node(page, "event1").boundingBox())!;
  expect(taskMoved.y).toBeLessThan(taskBefore.y - 20);
  expect(Math.abs(eventMoved.y + eventMoved.height / 2 - (taskMoved.y + taskMoved.height))).toBeLessThan(3);
  expect(Math.abs(eventMoved.x - taskMoved.x - (eventBefore.x - taskBefore.x))).toBeLessThan(3);
  await snap(page, "boundary-03-task-moved");

  // The event dragged on its own, off to the right of the task, stays on the task: on its right edge.
  const from = (await node(page, "event1").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(taskMoved.x + taskMoved.width + 70, taskMoved.y + taskMoved.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(async () => {
    const event = (await node(page, "event1").boundingBox())!;
    expect(Math.abs(event.x + event.width / 2 - (taskMoved.x + taskMoved.width))).toBeLessThan(3);
    expect(Math.abs(event.y + event.height / 2 - (taskMoved.y + taskMoved.height / 2))).toBeLessThan(6);
  }).toPass({ timeout: 10_000 });
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });
  await snap(page, "boundary-03b-event-on-right-edge");

  // Letting the task go on draws the event dashed.
  await node(page, "event1").click();
  await properties.getByRole("checkbox", { name: "Interrupts Check the invoice" }).uncheck();
  await expect(properties.getByText(/the step stays open and the request also goes on this way/)).toBeVisible();
  await expect(node(page, "event1").locator(".step-boundary.is-non-interrupting")).toBeVisible();
  await snap(page, "boundary-04-non-interrupting");

  // The BPMN view draws it as a boundary event on the task.
  await page.getByRole("tab", { name: "BPMN" }).click();
  const view = page.locator(".bpmn-view");
  await expect(view).toHaveAttribute("data-import-warnings", "0", { timeout: 20_000 });
  await expect(view.locator('.djs-element.djs-shape[data-element-id="event1"]')).toBeVisible();
  await snap(page, "boundary-05-bpmn");
});
