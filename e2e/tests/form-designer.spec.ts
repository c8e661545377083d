import { expect, test, type Locator, type Page } from "@playwright/test";
import { node, saved } from "./canvas-support.ts";
import { apiQuery, createProcess, signIn, snap } from "./support.ts";

type Block = { id: string; type: string; key?: string; label?: string; title?: string; visibleIf?: string; children?: Block[] };
type Draft = { definition: { steps: { id: string; form?: { blocks: Block[] } }[] } };

/** Drags with real mouse events (HTML5 drag and drop in Chromium). */
async function drag(page: Page, source: Locator, target: Locator) {
  await source.dragTo(target);
}

/**
 * The form designer: an analyst opens a start form, adds fields from the
 * palette by pressing and by dragging, nests one in a section, gives it a
 * visible-if rule (checked as typed), sees the live preview as a
 * participant and with sample data, takes a change back with Ctrl+Z, and
 * the saved draft has exactly the form built.
 */
test("an analyst designs a start form from field blocks with drag and drop, rules, preview and undo", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");
  await createProcess(page, "Travel request");
  await node(page, "start").click();
  const panel = page.getByRole("complementary");
  await panel.getByRole("button", { name: "Design form" }).click();
  const designer = page.getByRole("dialog", { name: /^Form: / });
  await expect(designer).toBeVisible();
  const palette = designer.getByRole("navigation", { name: "Field blocks" });
  const form = designer.getByRole("region", { name: "The form" });
  await expect(form.getByText("Drop fields here")).toBeVisible();

  // Pressed: a text field, selected, renamed (its key follows the label).
  await palette.getByRole("button", { name: "Text", exact: true }).click();
  const props = designer.getByRole("region", { name: "Selected block and preview" });
  await props.getByLabel("Label", { exact: true }).fill("Destination");
  await props.getByLabel("Label", { exact: true }).press("Enter");
  await expect(props.getByLabel("Key", { exact: true })).toHaveValue("destination");
  await props.getByLabel("Required", { exact: true }).check();

  // Dragged: a yes/no below it, and a section with a number inside.
  await drag(page, palette.getByRole("button", { name: "Yes / No" }), form.getByTestId("form-drop-gap").last());
  await props.getByLabel("Label", { exact: true }).fill("Abroad");
  await props.getByLabel("Label", { exact: true }).press("Enter");
  await drag(page, palette.getByRole("button", { name: "Section" }), form.getByTestId("form-drop-gap").last());
  await props.getByLabel("Title").fill("Foreign travel");
  await props.getByLabel("Title").press("Enter");
  const section = form.locator(".fd-card-section");
  await drag(page, palette.getByRole("button", { name: "Currency amount" }), section.getByText("Drop fields here"));
  await props.getByLabel("Label", { exact: true }).fill("Daily allowance");
  await props.getByLabel("Label", { exact: true }).press("Enter");

  // The section shows only for travel abroad; a typo is caught as typed.
  await section.getByRole("button", { name: /^Foreign travel Section/ }).click();
  const rule = props.getByLabel("Shown only if");
  await rule.fill("abroad =");
  await expect(props.getByRole("status").filter({ hasText: /expected|unexpected|end/i })).toBeVisible();
  await rule.fill("abroad = true");
  await expect(props.getByText("Valid FEEL")).toBeVisible();
  await rule.press("Enter");
  await expect(section.getByTitle("Shown only if abroad = true")).toBeVisible();

  // Keyboard: Alt+↓ moves the destination below "Abroad".
  await form.getByRole("button", { name: /^Destination/ }).focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(form.locator(".fd-card-title")).toHaveText(["Abroad", "Destination", "Foreign travel", "Daily allowance"]);
  await snap(page, "form-designer-01-built");

  // Live preview with the portal's component: the rule hides the section until "Yes".
  await props.getByRole("tab", { name: "Preview" }).click();
  await expect(props.getByLabel(/^Destination/)).toBeVisible();
  await expect(props.getByText("Daily allowance")).toHaveCount(0);
  await props.getByLabel("With sample data").check();
  await expect(props.getByLabel(/^Destination/)).toHaveValue("Sample destination");
  await expect(props.getByLabel(/^Daily allowance/)).toBeVisible();
  await snap(page, "form-designer-02-sample-preview");

  // Undo (Ctrl+Z in the designer) takes the move back; the canvas's history is the same.
  await form.getByRole("button", { name: /^Destination/ }).focus();
  await page.keyboard.press("Control+z");
  await expect(form.locator(".fd-card-title")).toHaveText(["Destination", "Abroad", "Foreign travel", "Daily allowance"]);

  // A reusable block from the library, and this section saved as one.
  await palette.getByRole("button", { name: /^Applicant/ }).click();
  await expect(form.locator(".fd-card-section").filter({ hasText: "Applicant" }).getByText("Block applicant v1")).toBeVisible();
  await section.getByRole("button", { name: /^Foreign travel Section/ }).click();
  await props.getByRole("tab", { name: "Properties" }).click();
  await props.getByRole("button", { name: "Save as form block" }).click();
  await props.getByRole("button", { name: "Save block" }).click();
  await expect(section.getByText("Block foreign-travel v1")).toBeVisible();
  await expect(palette.getByRole("button", { name: /^Foreign travel/ })).toBeVisible();
  await snap(page, "form-designer-03-blocks");

  await designer.getByRole("button", { name: "Done" }).click();
  await expect(saved(page)).toBeVisible();
  const draft = await apiQuery<Draft>(page, "studio.draft", { key: "travel-request" });
  const blocks = draft.definition.steps.find((s) => s.id === "start")!.form!.blocks;
  expect(blocks.map((b) => b.key ?? b.title)).toEqual(["destination", "abroad", "Foreign travel", "Applicant"]);
  expect(blocks[2]).toMatchObject({ type: "section", visibleIf: "abroad = true", block: { key: "foreign-travel", version: 1 } });
  expect(blocks[3]).toMatchObject({ type: "section", block: { key: "applicant", version: 1 } });
  expect(blocks[2]!.children!.map((b) => [b.type, b.key])).toEqual([["currency", "dailyAllowance"]]);
});
