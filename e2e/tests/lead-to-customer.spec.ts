import { expect, test } from "@playwright/test";
import { apiQuery, signIn, signOut, snap } from "./support.ts";

/**
 * Scenario 1 in the portal, as its people do it: the service desk logs a
 * prospect, sales calls back (typing half the form, reloading, finishing),
 * enters the order, shipping ships it, sales follows up — and the instance
 * ends holding what they typed.
 */
test("lead to customer, from the start form to the end", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  // The service desk logs the prospect on the start form.
  await signIn(page, "portal", "dana");
  await snap(page, "portal-01-inbox-empty-dana");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Lead to customer/ }).click();
  await page.getByLabel(/Full name/).fill("Grace Hopper");
  await page.getByLabel(/Company/).fill("Navy Labs");
  await page.getByLabel(/Phone/).fill("+1 555 0100");
  await page.getByLabel(/E-mail/).fill("grace@example.com");
  await page.getByLabel(/Product of interest/).selectOption({ label: "Business plan" });
  await page.getByLabel(/Notes for the call-back/).fill("Saw the brochure; wants a demo.");
  await snap(page, "portal-02-start-form");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await snap(page, "portal-03-started");
  await signOut(page);

  // Sales sees the call-back in the group queue, due today, and claims it.
  await signIn(page, "portal", "sam");
  const queue = page.getByRole("region", { name: "Open for my groups" });
  await expect(queue.getByText("Call back the prospect")).toBeVisible();
  await expect(queue.getByText(/due today/i)).toBeVisible();
  await snap(page, "portal-04-inbox-sam");
  await queue.getByRole("button", { name: /Claim Call back the prospect/ }).click();
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Call back the prospect/ }).click();

  // Half the form, autosaved; a reload resumes the draft.
  await page.getByLabel(/Call notes/).fill("Interested in 3 seats");
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  await snap(page, "portal-05-task-half-filled");
  await page.reload();
  await expect(page.getByLabel(/Call notes/)).toHaveValue("Interested in 3 seats");

  // Completing without the required outcome shows the error next to the field.
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText(/Outcome of the call is required/).first()).toBeVisible();
  await snap(page, "portal-06-task-errors");
  await page.getByLabel(/Outcome of the call/).selectOption({ label: "Converted: wants to order" });
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();

  // The rep who converted the lead enters the order.
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Enter the order/ }).click();
  await page.getByLabel(/^Product/).selectOption({ label: "Business plan" });
  await page.getByLabel(/Quantity/).fill("3");
  await page.getByLabel(/Order amount/).fill("1500");
  await page.getByLabel(/Shipping address/).fill("1 Main Street, Arlington");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // Shipping claims and logs the dispatch.
  await signIn(page, "portal", "shay");
  await page.getByRole("region", { name: "Open for my groups" }).getByRole("button", { name: /Claim Ship the order/ }).click();
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Ship the order/ }).click();
  await page.getByLabel(/Shipped on/).fill("2026-11-24");
  await page.getByLabel(/Carrier/).selectOption({ label: "DHL" });
  await page.getByLabel(/Tracking number/).fill("JD014600003");
  await snap(page, "portal-07-ship");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  // The rep holds the follow-up conversation; the instance finishes.
  await signIn(page, "portal", "sam");
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Follow-up conversation/ }).click();
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await snap(page, "portal-08-inbox-after");
  await signOut(page);

  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "My requests" }).first().click();
  await expect(page.getByText(/Grace Hopper/)).toBeVisible();
  await expect(page.getByText(/Completed/i).first()).toBeVisible();
  await snap(page, "portal-09-my-requests");
  await page.getByRole("link", { name: /Grace Hopper/ }).click();
  const entered = page.getByRole("region", { name: "What was entered" });
  await expect(entered.getByText("JD014600003")).toBeVisible();
  await expect(page.getByRole("region", { name: "History" }).getByText(/Completed Ship the order/)).toBeVisible();
  await snap(page, "portal-10-request");
  const requests = await apiQuery<{ instanceId: string; status: string }[]>(page, "portal.myRequests", undefined);
  const details = await apiQuery<{ status: string; variables: Record<string, unknown> }>(page, "portal.instance", { instanceId: requests[0]!.instanceId });
  expect(details.status).toBe("completed");
  expect(details.variables).toMatchObject({
    name: "Grace Hopper",
    company: "Navy Labs",
    product: "business",
    outcome: "converted",
    callNotes: "Interested in 3 seats",
    salesRep: "sam",
    quantity: 3,
    amount: 1500,
    carrier: "dhl",
    trackingNumber: "JD014600003",
    satisfied: true,
  });
});
