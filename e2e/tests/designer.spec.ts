import { expect, test, type Locator, type Page } from "@playwright/test";
import { connect, dragNode, dropFromPalette, node, rename, saved, viewportSettled } from "./canvas-support.ts";
import { apiQuery, createProcess, signIn, signOut, snap } from "./support.ts";

/**
 * Scenario 2 built in the process designer, with the mouse and the keyboard
 * only: an analyst starts from "New process", drags the steps from the
 * palette, connects them handle to handle, names them in place, fills in
 * who does what and the forms, deletes a step and takes it back with undo,
 * sees the draft saved and publishes. Then the service desk and the
 * responsible person run a request through the portal to its end.
 */
test("an analyst builds the support request in the designer; the desk runs it in the portal", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");

  // An empty canvas: only a start and an end.
  await page.getByRole("button", { name: "New process" }).click();
  const create = page.getByRole("dialog", { name: "New process" });
  await create.getByLabel("Name").fill("Desk request");
  await expect(create.getByLabel("Key")).toHaveValue("desk-request");
  await create.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/studio\/processes\/desk-request$/);
  const canvas = page.getByRole("region", { name: "Diagram of Desk request" });
  await expect(canvas.locator(".react-flow__node")).toHaveCount(2);
  await snap(page, "designer-01-new-process");

  // Room for five steps in a row.
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Zoom Out" }).click();
  await viewportSettled(page);
  await dragNode(page, "end", { x: 1260, y: 200 });
  await dropFromPalette(page, "Add User task", { x: 300, y: 200 });
  await dropFromPalette(page, "Add User task", { x: 580, y: 200 });
  await dropFromPalette(page, "Add User task", { x: 860, y: 200 });
  await dropFromPalette(page, "Add Decision", { x: 1100, y: 200 });
  await expect(canvas.locator(".react-flow__node")).toHaveCount(6);

  // Names typed in place (double-click).
  await rename(page, "task1", "Dispatch");
  await rename(page, "task2", "Resolve");
  await rename(page, "task3", "Approve");
  await rename(page, "decision1", "Approved?");
  await rename(page, "end", "Done");

  // Connected handle to handle.
  await connect(page, ["start", "right"], ["task1", "left"]);
  await connect(page, ["task1", "right"], ["task2", "left"]);
  await connect(page, ["task2", "right"], ["task3", "left"]);
  await connect(page, ["task3", "right"], ["decision1", "left"]);
  await connect(page, ["decision1", "right"], ["end", "left"]);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(5);

  // A second outcome while the first has no words is refused, with the reason.
  await connect(page, ["decision1", "bottom"], ["task2", "bottom"]);
  await expect(page.getByText(/Label the outcome that leads to “Done” first/)).toBeVisible();
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(5);
  await snap(page, "designer-02-connected");

  // The outcome to Done: its label and condition, checked as they are typed.
  const properties = page.getByRole("complementary", { name: "Properties" });
  await node(page, "decision1").click();
  await properties.getByRole("button", { name: /Approved\? → Done/ }).click();
  await properties.getByRole("textbox", { name: "Label" }).fill("Approved");
  await properties.getByRole("textbox", { name: "Label" }).press("Enter");
  const condition = properties.getByRole("textbox", { name: "Condition" });
  await condition.fill("approved == true");
  await expect(properties.getByText(/compare with a single =/)).toBeVisible();
  await condition.fill("approved = true");
  await expect(properties.getByText("Valid FEEL")).toBeVisible();
  await condition.press("Enter");
  await expect(canvas.locator(".edge-label", { hasText: "Approved" })).toBeVisible();
  // Choosing it in the panel panned onto it; back to the whole process.
  await page.getByRole("button", { name: "Fit View" }).click();
  await viewportSettled(page);

  // Now the way back: the default, labelled in place on the canvas.
  await connect(page, ["decision1", "bottom"], ["task2", "bottom"]);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(6);
  await properties.getByLabel("Default: taken when no other condition matches").check();
  const otherwise = canvas.locator(".edge-label", { hasText: "otherwise" });
  await otherwise.dblclick();
  await page.getByRole("textbox", { name: "Label of the connection" }).fill("Returned");
  await page.getByRole("textbox", { name: "Label of the connection" }).press("Enter");
  await expect(canvas.locator(".edge-label", { hasText: "Returned" })).toBeVisible();

  // The start form.
  await node(page, "start").click();
  await addField(properties, { label: "Client", required: true });
  await addField(properties, { label: "Subject", required: true });
  await addField(properties, { label: "Description", type: "Long text" });
  await addField(properties, { label: "Urgency", type: "Choice", required: true, options: ["Low", "Normal", "High"] });
  await snap(page, "designer-03-start-form");

  // Dispatch: the service desk picks who is responsible.
  await node(page, "task1").click();
  await properties.getByRole("radio", { name: "Group" }).check();
  await properties.getByRole("combobox", { name: "Group" }).selectOption({ label: "Service desk (service-desk)" });
  await expect(node(page, "task1")).toContainText("Service desk");
  await addField(properties, { label: "Responsible", required: true });

  // Resolve: assigned to whoever the dispatcher named.
  await node(page, "task2").click();
  await properties.getByRole("radio", { name: "Expression" }).check();
  await properties.getByRole("textbox", { name: "Expression" }).fill("responsible");
  await properties.getByRole("textbox", { name: "Expression" }).press("Enter");
  await expect(node(page, "task2")).toContainText("responsible");
  await addField(properties, { label: "Resolution", type: "Long text", required: true });

  // Approve: the desk says yes or no.
  await node(page, "task3").click();
  await properties.getByRole("radio", { name: "Group" }).check();
  await properties.getByRole("combobox", { name: "Group" }).selectOption({ label: "Service desk (service-desk)" });
  await addField(properties, { label: "Approved", type: "Yes / no", required: true });

  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems.getByLabel("0 errors")).toBeVisible();
  await snap(page, "designer-04-built");

  // Delete a step with the keyboard, then undo and redo it (keys and toolbar).
  await node(page, "task3").click();
  await page.keyboard.press("Delete");
  await expect(canvas.locator(".react-flow__node")).toHaveCount(5);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(4);
  await expect(problems.getByLabel("0 errors")).toHaveCount(0);
  await snap(page, "designer-05-deleted");
  await page.keyboard.press("Control+z");
  await expect(canvas.locator(".react-flow__node")).toHaveCount(6);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(6);
  await page.keyboard.press("Control+Shift+z");
  await expect(canvas.locator(".react-flow__node")).toHaveCount(5);
  await page.getByRole("toolbar", { name: "Edit" }).getByRole("button", { name: "Undo" }).click();
  await expect(canvas.locator(".react-flow__node")).toHaveCount(6);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(6);
  await expect(node(page, "task3")).toContainText("Approve");

  // Arrow keys nudge the selected step by 10px, as one undo step.
  await node(page, "task3").click();
  const before = await node(page, "task3").getAttribute("style");
  await node(page, "task3").press("ArrowDown");
  await expect(node(page, "task3")).not.toHaveAttribute("style", before ?? "");
  await page.keyboard.press("Control+z");
  await expect(node(page, "task3")).toHaveAttribute("style", before ?? "");

  await expect(problems.getByLabel("0 errors")).toBeVisible();
  await page.getByRole("button", { name: "Fit View" }).click();
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });
  await snap(page, "designer-06-saved");

  await page.getByRole("toolbar", { name: "Process" }).getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  await snap(page, "designer-07-published");
  await signOut(page);

  // The service desk logs a request and dispatches it to Sam.
  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Desk request/ }).click();
  await page.getByLabel(/Client/).fill("ACME Ltd");
  await page.getByLabel(/Subject/).fill("Printer on fire");
  await page.getByLabel(/Description/).fill("Smoke from tray 2 since this morning.");
  await page.getByLabel(/Urgency/).selectOption({ label: "High" });
  await snap(page, "designer-08-portal-start");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await page.goto("/portal/");
  const queue = page.getByRole("region", { name: "Open for my groups" });
  await queue.getByRole("button", { name: /Claim Dispatch/ }).click();
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Dispatch/ }).click();
  await page.getByLabel(/Responsible/).fill("sam");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // Sam resolves it.
  await signIn(page, "portal", "sam");
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Resolve/ }).click();
  await page.getByLabel(/Resolution/).fill("Replaced the fuser unit.");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // The desk approves: the request is done.
  await signIn(page, "portal", "dana");
  await page.getByRole("region", { name: "Open for my groups" }).getByRole("button", { name: /Claim Approve/ }).click();
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Approve/ }).click();
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await snap(page, "designer-09-portal-done");
  const requests = await apiQuery<{ instanceId: string; title: string; status: string }[]>(page, "portal.myRequests", undefined);
  const mine = requests.find((r) => r.title.startsWith("Desk request"));
  expect(mine?.status).toBe("completed");
  const details = await apiQuery<{ variables: Record<string, unknown> }>(page, "portal.instance", { instanceId: mine!.instanceId });
  expect(details.variables).toMatchObject({
    client: "ACME Ltd",
    subject: "Printer on fire",
    urgency: "high",
    responsible: "sam",
    resolution: "Replaced the fuser unit.",
    approved: true,
  });
});

/**
 * Two tabs on one draft: a save from the stale one is refused, its work is
 * kept in the browser and offered again on reopening; the analyst restores
 * it, and the other tab, now stale in turn, keeps its own and overwrites
 * after seeing who saved what when.
 */
test("a stale tab's save is refused; the work is kept, restored and can overwrite", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  const second = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await signIn(first, "studio", "ana");
  await createProcess(first, "Two tabs");
  await expect(node(first, "end")).toBeVisible();
  await signIn(second, "studio", "ana");
  await second.goto("/studio/processes/two-tabs");
  await expect(node(second, "end")).toBeVisible();

  // The first tab saves version 2; the second, still on version 1, is refused.
  await rename(first, "end", "Closed");
  await expect(saved(first)).toBeVisible();
  await rename(second, "start", "Opened");
  const conflict = second.getByRole("dialog", { name: "This draft was changed elsewhere" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText(/Version 2 was saved by Ana Analyst/)).toBeVisible();
  await snap(second, "designer-10-conflict");
  await conflict.getByRole("button", { name: "Decide later" }).click();
  await expect(second.getByText(/Not saved: changed elsewhere/)).toBeVisible();

  // Reopening offers the kept work back; restoring saves it over version 2.
  await second.reload();
  const restore = second.getByRole("dialog", { name: "Restore your unsaved changes?" });
  await expect(restore.getByText(/saved since: version 2 by Ana Analyst/)).toBeVisible();
  await snap(second, "designer-11-restore");
  await restore.getByRole("button", { name: "Restore my changes" }).click();
  await expect(node(second, "start")).toContainText("Opened");
  await expect(saved(second)).toBeVisible();

  // Now the first tab is the stale one: it keeps its work and overwrites.
  await rename(first, "end", "Finished");
  const again = first.getByRole("dialog", { name: "This draft was changed elsewhere" });
  await expect(again.getByText(/Version 3 was saved by Ana Analyst/)).toBeVisible();
  await again.getByRole("button", { name: "Keep mine and overwrite" }).click();
  await expect(saved(first)).toBeVisible();
  await second.reload();
  await expect(node(second, "end")).toContainText("Finished");
  await expect(node(second, "start")).toContainText("Start");
});

type NewField = { label: string; type?: string; required?: boolean; options?: string[] };

/** "Add field" in the properties panel, then the new (open) field's label, type, required and options. */
async function addField(properties: Locator, field: NewField) {
  await properties.getByRole("button", { name: "Add field" }).click();
  const label = properties.getByRole("textbox", { name: "Label", exact: true });
  await label.fill(field.label);
  await label.press("Enter");
  if (field.type) await properties.getByRole("combobox", { name: "Type" }).selectOption({ label: field.type });
  if (field.required) await properties.getByRole("checkbox", { name: "Required" }).check();
  for (const [i, option] of (field.options ?? []).entries()) {
    await properties.getByRole("button", { name: "Add option" }).click();
    const box = properties.getByRole("textbox", { name: `Option ${i + 1} label` });
    await box.fill(option);
    await box.press("Enter");
  }
  // Close it, so the next field's editor is the only one open.
  await properties.getByRole("button", { name: new RegExp(`^${field.label}: .*, close$`) }).click();
}
