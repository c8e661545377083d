import { expect, test, type Locator, type Page } from "@playwright/test";
import { connect, dropFromPalette, node, rename, saved } from "./canvas-support.ts";
import { createProcess, signIn, signOut, snap } from "./support.ts";

/**
 * Scenario 4's start form, built by an analyst and used by its people: the
 * analyst designs a credit application in the form designer (the shared
 * "Applicant" block, a card category whose gold-only fields a visible-if
 * shows, a repeating table of existing loans with a computed total, an
 * amount with a maximum), adds a security check that shows the application
 * read-only, and publishes. A sales operator fills half the form, reloads
 * (the start draft resumes), finishes it, submits invalid data and sees the
 * errors at the fields, fixes them and starts; the service desk opens the
 * check and reads what was entered. Desktop and phone width.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 1000 };

test("scenario 4: an analyst builds the credit application's start form; an operator fills, reloads, fixes and starts it; the next step reads it", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "studio", "ana");
  await createProcess(page, "Card credit application");
  await expect(page).toHaveURL(/\/studio\/processes\/card-credit-application$/);

  // The steps: start → security check → end.
  await dropFromPalette(page, "Add User task", { x: 300, y: 200 });
  await rename(page, "task1", "Security check");
  await connect(page, ["start", "right"], ["task1", "left"]);
  await connect(page, ["task1", "right"], ["end", "left"]);
  const properties = page.getByRole("complementary", { name: "Properties" });

  // Sales may start it; the start form comes from the form designer.
  await node(page, "start").click();
  await properties.getByRole("checkbox", { name: "Sales" }).check();
  await properties.getByRole("button", { name: "Design form" }).click();
  const designer = page.getByRole("dialog", { name: /^Form: / });
  const palette = designer.getByRole("navigation", { name: "Field blocks" });
  const form = designer.getByRole("region", { name: "The form" });
  const props = designer.getByRole("region", { name: "Selected block and preview" });

  // The reusable Applicant block from the library.
  await palette.getByRole("button", { name: /^Applicant/ }).click();
  await expect(form.locator(".fd-card-section").filter({ hasText: "Applicant" }).getByText("Block applicant v1")).toBeVisible();
  await form.getByRole("button", { name: /^Applicant Section/ }).click();

  // The card category, then a section only a gold card shows, with its own fields.
  await palette.getByRole("button", { name: "Choice", exact: true }).click();
  await setText(props, "Label", "Card category");
  await props.getByLabel("Required", { exact: true }).check();
  await setText(props, "Option 1 label", "Standard");
  await setText(props, "Option 2 label", "Gold");
  await expect(props.getByLabel("Key", { exact: true })).toHaveValue("cardCategory");

  await palette.getByRole("button", { name: "Section", exact: true }).click();
  await setText(props, "Title", "Gold card");
  const rule = props.getByLabel("Shown only if");
  await rule.fill('cardCategory = "gold"');
  await expect(props.getByText("Valid FEEL")).toBeVisible();
  await rule.press("Enter");
  const gold = form.locator(".fd-card-section").filter({ hasText: "Gold card" });
  await expect(gold.getByTitle('Shown only if cardCategory = "gold"')).toBeVisible();
  await palette.getByRole("button", { name: "Currency amount" }).dragTo(gold.getByText("Drop fields here"));
  await setText(props, "Label", "Yearly income");
  await props.getByLabel("Required", { exact: true }).check();
  await palette.getByRole("button", { name: "Text", exact: true }).click();
  await setText(props, "Label", "Name on the card");
  await props.getByLabel("Required", { exact: true }).check();
  await setText(props, "Max. length", "26");

  // Existing loans: a repeating table with a lender and a monthly payment, totalled.
  await form.getByRole("button", { name: /^Gold card Section/ }).click();
  await palette.getByRole("button", { name: "Repeating table" }).click();
  await setText(props, "Label", "Existing loans");
  await setText(props, "Column 1 label", "Lender");
  await props.getByRole("button", { name: "Add column" }).click();
  await setText(props, "Column 2 label", "Monthly payment");
  await props.getByRole("combobox", { name: "Type" }).last().selectOption({ label: "Amount of money" });
  await props.getByRole("combobox", { name: "Total below the rows" }).selectOption({ label: "Monthly payment" });

  // The amount applied for, at most 50 000.
  await palette.getByRole("button", { name: "Currency amount" }).click();
  await setText(props, "Label", "Amount applied for");
  await props.getByLabel("Required", { exact: true }).check();
  await setText(props, "Maximum", "50000");
  await expect(form.locator(".fd-card-title")).toHaveText([
    "Applicant",
    "First name",
    "Last name",
    "Date of birth",
    "E-mail",
    "Phone",
    "Card category",
    "Gold card",
    "Yearly income",
    "Name on the card",
    "Existing loans",
    "Amount applied for",
  ]);
  await snap(page, "credit-01-start-form-designed");

  // The preview, with the portal's component: gold fields only for gold.
  await props.getByRole("tab", { name: "Preview" }).click();
  await expect(props.getByLabel(/^Yearly income/)).toHaveCount(0);
  await props.getByLabel(/^Card category/).selectOption({ label: "Gold" });
  await expect(props.getByLabel(/^Yearly income/)).toBeVisible();
  await snap(page, "credit-02-preview-gold");
  await designer.getByRole("button", { name: "Done" }).click();

  // The security check, for the service desk, shows the application read-only.
  await node(page, "task1").click();
  await properties.getByRole("radio", { name: "Group" }).check();
  await properties.getByRole("combobox", { name: "Group" }).selectOption({ label: "Service desk (service-desk)" });
  await properties.getByRole("button", { name: "Design form" }).click();
  for (const [label, variable] of [
    ["First name", "firstName"],
    ["Last name", "lastName"],
    ["Card category", "cardCategory"],
    ["Name on the card", "nameOnTheCard"],
    ["Existing loans", "existingLoans"],
    ["Amount applied for", "amountAppliedFor"],
  ] as const) {
    await palette.getByRole("button", { name: "Earlier value (read-only)" }).click();
    await setText(props, "Label", label);
    await setText(props, "Shows variable", variable);
  }
  await palette.getByRole("button", { name: "Yes / No" }).click();
  await setText(props, "Label", "Identity verified");
  await props.getByLabel("Required", { exact: true }).check();
  await snap(page, "credit-03-check-form-designed");
  await designer.getByRole("button", { name: "Done" }).click();

  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems.getByLabel("0 errors")).toBeVisible();
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });
  await page.getByRole("toolbar", { name: "Process" }).getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  await snap(page, "credit-04-published");
  await signOut(page);

  // A sales operator starts one and fills in half of it: the start draft keeps it.
  await page.setViewportSize(DESKTOP);
  await signIn(page, "portal", "sam");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Card credit application/ }).click();
  await page.getByLabel(/^First name/).fill("Dorothy");
  await page.getByLabel(/^Last name/).fill("Vaughan");
  await page.getByLabel(/^Date of birth/).fill("1980-09-20");
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  await snap(page, "credit-05-portal-half-filled");
  await page.reload();
  await expect(page.getByText(/You are continuing your draft from/)).toBeVisible();
  await expect(page.getByLabel(/^First name/)).toHaveValue("Dorothy");
  await expect(page.getByLabel(/^Last name/)).toHaveValue("Vaughan");
  await expect(page.getByLabel(/^Date of birth/)).toHaveValue("1980-09-20");
  await page.setViewportSize(PHONE);
  await snap(page, "credit-06-portal-resumed-phone");
  await page.setViewportSize(DESKTOP);

  // The rest: a gold card (its own fields appear), two loans with their total, too much money.
  await page.getByLabel(/^E-mail/).fill("dorothy@example.com");
  await expect(page.getByLabel(/^Yearly income/)).toHaveCount(0);
  await page.getByLabel(/^Card category/).selectOption({ label: "Gold" });
  await expect(page.getByLabel(/^Yearly income/)).toBeVisible();
  await page.getByLabel(/^Yearly income/).fill("72000");
  const loans = page.getByRole("group", { name: /Existing loans/ });
  await loans.getByRole("button", { name: "Add row" }).click();
  await loans.getByLabel(/Lender/).nth(0).fill("City Bank");
  await loans.getByLabel(/Monthly payment/).nth(0).fill("310.50");
  await loans.getByRole("button", { name: "Add row" }).click();
  await loans.getByLabel(/Lender/).nth(1).fill("Car dealer");
  await loans.getByLabel(/Monthly payment/).nth(1).fill("189.50");
  await expect(loans.getByText("€500.00")).toBeVisible();
  await page.getByLabel(/^Amount applied for/).fill("80000");

  // Start: the missing name on the card and the amount are refused beside their fields.
  await page.getByRole("button", { name: /^Start/ }).click();
  const nameOnCard = page.getByLabel(/^Name on the card/);
  const amount = page.getByLabel(/^Amount applied for/);
  await expect(nameOnCard).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(fieldError(page, nameOnCard)).toHaveText(/Name on the card is required/);
  await expect(fieldError(page, amount)).toHaveText(/at most/);
  await snap(page, "credit-07-portal-errors");
  await page.setViewportSize(PHONE);
  await amount.scrollIntoViewIfNeeded();
  await snap(page, "credit-08-portal-errors-phone");
  await page.setViewportSize(DESKTOP);

  // Fixed, it starts; the draft is used up.
  await nameOnCard.fill("DOROTHY VAUGHAN");
  await amount.fill("45000");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await snap(page, "credit-09-portal-started");
  await page.goto("/portal/start/card-credit-application");
  await expect(page.getByLabel(/^First name/)).toHaveValue("");
  await signOut(page);

  // The service desk's security check shows what the operator entered, read-only.
  await signIn(page, "portal", "dana");
  await page.getByRole("region", { name: "Open for my groups" }).getByRole("button", { name: /Claim Security check, Card credit application/ }).click();
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Security check/ }).click();
  // Opened afresh, as on another day: the claim's notice would cover the foot of the screenshots.
  await page.reload();
  const earlier = (label: string) => page.getByRole("group", { name: label, exact: true });
  await expect(earlier("Last name")).toContainText("Vaughan");
  await expect(earlier("Card category")).toContainText("Gold");
  await expect(earlier("Name on the card")).toContainText("DOROTHY VAUGHAN");
  const loansShown = earlier("Existing loans");
  await expect(loansShown.getByRole("columnheader")).toHaveText(["Lender", "Monthly payment"]);
  await expect(loansShown.getByRole("row")).toHaveText([/Lender/, /City Bank\s*€310\.50/, /Car dealer\s*€189\.50/]);
  await expect(earlier("Amount applied for")).toHaveText(/€45,000\.00/);
  await expect(earlier("Amount applied for").getByRole("textbox")).toHaveCount(0);
  await snap(page, "credit-10-check-read-only");
  await page.setViewportSize(PHONE);
  await snap(page, "credit-11-check-read-only-phone");
  await loansShown.scrollIntoViewIfNeeded();
  await snap(page, "credit-12-check-loans-phone");
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
});

/** The errors shown beside a field, inside its own field block. */
function fieldError(page: Page, field: Locator): Locator {
  return page.locator(".bf-field").filter({ has: field }).locator(".bf-errors");
}

/** A property typed and committed (Enter), as the analyst does. */
async function setText(scope: Locator | Page, label: string, value: string) {
  const box = scope.getByLabel(label, { exact: true });
  await box.fill(value);
  await box.press("Enter");
}
