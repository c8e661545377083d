import { expect, test } from "@playwright/test";
import { saved } from "./canvas-support.ts";
import { createProcess, signIn, snap } from "./support.ts";

/**
 * Scenario 2's deadline rule, designed in the properties panel: a task due
 * today reminds its assignee at the due date and is handed to the service
 * desk a day later. The card shows that it escalates; complete levels raise
 * no problem (the runtime carries them out), and undo takes each change back.
 */
test("an analyst gives a task a due date and two escalation levels", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");
  await createProcess(page, "Overdue requests");
  await expect(page).toHaveURL(/\/studio\/processes\/overdue-requests$/);

  // Keyboard insert: the new task is selected and shown in the properties panel.
  await page.getByRole("button", { name: "Add User task", exact: true }).focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Properties" });
  await expect(panel.getByRole("heading", { name: "New task" })).toBeVisible();

  const add = panel.getByRole("button", { name: "Add escalation level" });
  await expect(add).toBeDisabled();
  await expect(panel.getByText("Choose a due date first: escalation counts from it.")).toBeVisible();
  await panel.getByRole("combobox", { name: "Due", exact: true }).selectOption("endOfDay");
  await expect(add).toBeEnabled();

  await add.click();
  await expect(panel.getByRole("combobox", { name: "When (level 1)" })).toHaveValue("PT0S");
  await expect(panel.getByText("At the due date, whoever has the task gets a reminder.")).toBeVisible();
  await panel.getByRole("textbox", { name: "Message (level 1)" }).fill("This request is due today");
  await panel.getByRole("textbox", { name: "Message (level 1)" }).press("Enter");

  await add.click();
  await panel.getByRole("combobox", { name: "What happens (level 2)" }).selectOption("reassign");
  const handTo = panel.getByRole("group", { name: "Level 2" });
  await handTo.getByRole("radio", { name: "Group" }).click();
  await handTo.getByRole("combobox", { name: "Group" }).selectOption("service-desk");

  const card = page.locator(".react-flow__node-userTask").filter({ hasText: "New task" });
  await expect(card.getByLabel("Escalates")).toBeVisible();
  await expect(card.locator('[title^="Escalation: At the due date: a reminder; 1 day after the due date: handed to Service desk"]')).toBeVisible();
  const problems = page.getByRole("region", { name: "Problems" });
  // Complete levels are publishable: the panel reports nothing about them.
  await expect(problems.getByText(/escalat/i)).toHaveCount(0);
  await expect(saved(page)).toBeVisible();
  await snap(page, "escalation-01-designed");

  // Undo goes back change by change: first the hand-over's group.
  await page.getByRole("region", { name: /^Diagram of/ }).click({ position: { x: 40, y: 40 } });
  await page.keyboard.press("Control+z");
  await expect(card.locator('[title*="handed to Service desk"]')).toHaveCount(0);
});
