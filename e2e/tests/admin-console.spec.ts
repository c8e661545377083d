import { expect, test, type Page } from "@playwright/test";
import { apiMutation, signIn, signOut, snap } from "./support.ts";

/** Nothing on the page is wider than the window (no sideways scrolling). */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * The admin console's people and incidents: an admin creates a user with a
 * generated password (shown once) who then signs in to the portal, puts
 * them in a group, disables them (they cannot sign in), and deals with an
 * incident: a service call that cannot reach its service is retried, then
 * skipped, and the instance goes on. Analysts see no admin console.
 */
test("an admin manages users and groups in the admin console", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "studio", "admin");
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Admin console" })).toBeVisible();
  await page.getByRole("link", { name: "Users and groups" }).click();
  await expect(page.getByRole("row", { name: /Dana Desk/ })).toBeVisible();
  await snap(page, "admin-01-people");
  await expectNoOverflow(page);

  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name", { exact: true }).fill("Olga Ops");
  await dialog.getByLabel("User name").fill("olga");
  await dialog.getByLabel("E-mail (optional)").fill("olga@example.com");
  await dialog.getByLabel("Shipping").check();
  await snap(page, "admin-02-new-user");
  await dialog.getByRole("button", { name: "Create user" }).click();
  const shown = page.getByRole("dialog", { name: "olga can sign in now" });
  const password = (await shown.getByLabel("Password").textContent())!;
  expect(password).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
  await snap(page, "admin-03-password-once");
  await shown.getByRole("button", { name: "Done" }).click();
  const olga = page.getByRole("row", { name: /Olga Ops/ });
  await expect(olga.getByRole("list", { name: "Groups of Olga Ops" })).toHaveText("Shipping");

  // Group membership from the group's card.
  const sales = page.getByRole("listitem", { name: "Sales" });
  await sales.getByLabel("Add a member to Sales").selectOption({ label: "Olga Ops (olga)" });
  await sales.getByRole("button", { name: "Add" }).click();
  await expect(sales.getByRole("list", { name: "Members of Sales" })).toContainText("Olga Ops");
  await signOut(page);

  // Olga signs in to the portal with the password she was handed.
  await page.goto("/portal/");
  await page.getByLabel("User name").fill("olga");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await signOut(page);

  // Disabled, she cannot.
  await signIn(page, "studio", "admin");
  await page.goto("/studio/admin/people");
  await page.getByRole("button", { name: "Disable Olga Ops" }).click();
  const confirm = page.getByRole("dialog", { name: "Disable Olga Ops?" });
  await expect(confirm).toContainText("signed out at once");
  await confirm.getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByRole("row", { name: /Olga Ops/ }).getByText("Disabled")).toBeVisible();
  // The last active admin cannot be demoted.
  await page.getByRole("button", { name: "Edit Ada Admin" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Ada Admin" });
  await edit.getByLabel("Role").selectOption("analyst");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("alert")).toContainText("last active admin");
  await edit.getByRole("button", { name: "Cancel" }).click();
  await signOut(page);
  await page.goto("/portal/");
  await page.getByLabel("User name").fill("olga");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong user name or password.")).toBeVisible();

  // Analysts have no admin console.
  await signIn(page, "studio", "ana");
  await expect(page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/studio/admin");
  await expect(page.getByText("The admin console is for admins")).toBeVisible();
});

test("an admin retries and skips a stuck service call from the incidents list", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "studio", "admin");
  // A process whose service call can never reach its service (nothing listens on port 9).
  await apiMutation(page, "studio.saveDraft", {
    key: "e2e-ping",
    expectedVersion: null,
    definition: {
      schemaVersion: 1,
      key: "e2e-ping",
      name: "CRM ping",
      steps: [
        { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 }, starters: [] },
        { id: "ping", kind: "serviceCall", name: "Ping the CRM", position: { x: 160, y: 0 }, request: { method: "GET", url: "http://127.0.0.1:9/ping" }, retries: 0, timeoutSeconds: 5 },
        { id: "check", kind: "userTask", name: "Check the customer", position: { x: 360, y: 0 }, assignment: { type: "user", user: "admin" }, form: { schemaVersion: 1, blocks: [] } },
        { id: "done", kind: "end", name: "Done", position: { x: 560, y: 0 } },
      ],
      connections: [
        { id: "c1", source: "start", target: "ping" },
        { id: "c2", source: "ping", target: "check" },
        { id: "c3", source: "check", target: "done" },
      ],
    },
  });
  await apiMutation(page, "studio.publish", { key: "e2e-ping" });
  await apiMutation(page, "portal.start", { processKey: "e2e-ping", data: {} });

  await page.goto("/studio/admin/incidents");
  const row = page.getByRole("row", { name: /CRM ping #\d+/ });
  // The worker fails the call in the background; the list refreshes itself every 10 s.
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText("Service call failed");
  await expect(row).toContainText("Ping the CRM");
  await expect(row).toContainText("could not be reached");
  await snap(page, "admin-04-incidents");
  await expectNoOverflow(page);

  await row.getByRole("button", { name: /^Retry Ping the CRM/ }).click();
  await page.getByRole("dialog", { name: "Retry “Ping the CRM”?" }).getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("Retrying Ping the CRM.")).toBeVisible();
  // The worker calls again, in vain: a new incident.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: /CRM ping #\d+/ })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  await page.getByRole("row", { name: /CRM ping #\d+/ }).getByRole("button", { name: /^Skip Ping the CRM/ }).click();
  await page.getByRole("dialog", { name: "Skip “Ping the CRM”?" }).getByRole("button", { name: "Skip the call" }).click();
  await expect(page.getByText("No open incidents")).toBeVisible();
  await expect(page.getByRole("link", { name: "Incidents" })).toHaveText("Incidents");

  // The instance went on: the next task is the admin's in the portal.
  await page.goto("/portal/");
  await expect(page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Check the customer/ })).toBeVisible();
});
