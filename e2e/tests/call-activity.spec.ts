import { expect, test } from "@playwright/test";
import { apiMutation, signIn, signOut, snap } from "./support.ts";

const at = { x: 0, y: 0 };
const form = (blocks: unknown[]) => ({ schemaVersion: 1, blocks });

/** Sam estimates the damage; the claim calls that process and pays twice the estimate. */
const assess = {
  schemaVersion: 1,
  key: "e2e-assess-damage",
  name: "Assess damage (e2e)",
  steps: [
    { id: "start", kind: "start", name: "Start", position: at, starters: [] },
    { id: "estimate", kind: "userTask", name: "Estimate the damage", position: { x: 200, y: 0 }, assignment: { type: "user", user: "sam" }, form: form([{ id: "f-e", type: "number", key: "estimate", label: "Estimate" }]) },
    { id: "end", kind: "end", name: "Assessed", position: { x: 400, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "estimate" },
    { id: "c2", source: "estimate", target: "end" },
  ],
};
const claim = {
  schemaVersion: 1,
  key: "e2e-damage-claim",
  name: "Damage claim (e2e)",
  steps: [
    { id: "start", kind: "start", name: "Claim", position: at, starters: [], form: form([{ id: "f-w", type: "text", key: "what", label: "What happened" }]) },
    { id: "assess", kind: "callActivity", name: "Have the damage assessed", position: { x: 200, y: 0 }, processKey: "e2e-assess-damage", inputs: [], outputs: [{ from: "estimate * 2", to: "payout" }] },
    { id: "pay", kind: "userTask", name: "Pay the claim", position: { x: 400, y: 0 }, assignment: { type: "user", user: "dana" }, form: form([]) },
    { id: "end", kind: "end", name: "Paid", position: { x: 600, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "assess" },
    { id: "c2", source: "assess", target: "pay" },
    { id: "c3", source: "pay", target: "end" },
  ],
};

/**
 * A request whose step runs another process: the starter sees where the
 * work went (a connected request, in progress), the assessor does the
 * called process's task, and the claim goes on with what it brought back.
 */
test("a claim calls the damage assessment, waits for it, and goes on with the estimate", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "studio", "ana");
  for (const definition of [assess, claim]) {
    await apiMutation(page, "studio.saveDraft", { key: definition.key, expectedVersion: null, definition });
    await apiMutation(page, "studio.publish", { key: definition.key });
  }
  await signOut(page);

  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "Start a process" }).first().click();
  await page.getByRole("link", { name: /Damage claim \(e2e\)/ }).click();
  await page.getByLabel(/What happened/).fill("Hail on the car roof");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByText("Request started")).toBeVisible();
  await page.getByRole("link", { name: "My requests" }).first().click();
  await expect(page.getByRole("link", { name: /Assess damage/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Damage claim \(e2e\)/ }).first().click();
  const connected = page.getByRole("region", { name: "Connected requests" });
  await expect(connected.getByRole("link", { name: /Assess damage \(e2e\)/ })).toBeVisible();
  await expect(connected.getByText("In progress")).toBeVisible();
  await expect(page.getByText("Waiting for a connected request (below) to finish.")).toBeVisible();
  await expect(page.getByText("Passed a part of the work on to “Assess damage (e2e)”")).toBeVisible();
  await snap(page, "call-01-connected-request");
  await signOut(page);

  await signIn(page, "portal", "sam");
  await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Estimate the damage/ }).click();
  await page.getByLabel(/Estimate/).fill("450");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Task completed").last()).toBeVisible();
  await signOut(page);

  await signIn(page, "portal", "dana");
  await page.getByRole("link", { name: "My requests" }).first().click();
  await page.getByRole("link", { name: /Damage claim \(e2e\)/ }).first().click();
  await expect(page.getByRole("region", { name: "Connected requests" }).getByText("Completed")).toBeVisible();
  await expect(page.getByRole("region", { name: "Where it stands" }).getByText("Pay the claim")).toBeVisible();
  await expect(page.getByRole("region", { name: "What was entered" }).getByText("900")).toBeVisible();

  // From the claim to the assessment it called, and back.
  await page.getByRole("region", { name: "Connected requests" }).getByRole("link", { name: /Assess damage \(e2e\)/ }).click();
  await expect(page.getByText(/Started as a part of .*Damage claim \(e2e\).*, at “Have the damage assessed”/)).toBeVisible();
  await snap(page, "call-02-called-request");
});
