import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { signIn, signOut, snap } from "./support.ts";

/**
 * Scenario 5, changing a running business: requests of a support process
 * run on version 1; the admin publishes version 2 with a new stage
 * ("Confirm with the client" after the resolution); in the admin console
 * the admin sees what changed (both diagrams, the new stage highlighted),
 * checks and migrates two of the three running requests; a
 * migrated one continues on version 2 in the portal and meets the new
 * stage; the one left finishes on version 1 without it.
 *
 * The process is the support-request template under a key of its own, so
 * the other specs, which share this run's database, keep the template as
 * it is. Setup and the steps other specs already drive through the UI go
 * through the API as each user.
 */
const KEY = "branch-support";
const template = JSON.parse(readFileSync(join(import.meta.dirname, "../../templates/support-request/process.json"), "utf8"));
const v1 = { ...template, key: KEY, name: "Branch support request" };

/** Version 2: the new stage between the resolution and the (optional) visa. */
function withConfirmStage(definition: typeof v1) {
  const resolve = definition.steps.find((s: { id: string }) => s.id === "resolve");
  const confirm = {
    id: "confirm",
    kind: "userTask",
    name: "Confirm with the client",
    position: { x: resolve.position.x + 60, y: resolve.position.y + 160 },
    assignment: { type: "group", group: "service-desk" },
    form: {
      schemaVersion: 1,
      blocks: [
        { id: "c-client", type: "display", label: "Client", variable: "client" },
        { id: "c-resolution", type: "display", label: "Resolution", variable: "resolution" },
        { id: "c-reply", type: "longText", key: "clientReply", label: "What the client said", required: true },
      ],
    },
  };
  const connections = definition.connections.map((c: { id: string }) => (c.id === "c-resolve-approval" ? { ...c, target: "confirm" } : c));
  connections.push({ id: "c-confirm-approval", source: "confirm", target: "approvalNeeded" });
  return { ...definition, steps: [...definition.steps, confirm], connections };
}

type Api = { query: <T>(path: string, input: unknown) => Promise<T>; mutate: <T>(path: string, input: unknown) => Promise<T>; dispose: () => Promise<void> };

/** The API as `username`, on a session of its own (the page stays signed in as whoever it is). */
async function apiAs(baseURL: string, username: string): Promise<Api> {
  const context: APIRequestContext = await request.newContext({ baseURL });
  const read = async <T,>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> => {
    expect(res.ok(), await res.text()).toBe(true);
    return ((await res.json()) as { result: { data: T } }).result.data;
  };
  await read(await context.post("/trpc/auth.login", { data: { username, password: `${username}-demo` } }));
  return {
    query: async <T,>(path: string, input: unknown) => read<T>(await context.get(input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)),
    mutate: async <T,>(path: string, input: unknown) => read<T>(await context.post(`/trpc/${path}`, { data: input })),
    dispose: () => context.dispose(),
  };
}

type Task = { id: string; name: string; stepId: string; instanceId: string; processVersion: number };
type Inbox = { assigned: Task[]; groupQueue: Task[] };

/** Claims (if needed) and completes the open task of `instanceId` at `stepId` as the API's user. */
async function complete(api: Api, instanceId: string, stepId: string, data: Record<string, unknown>): Promise<Task> {
  const inbox = await api.query<Inbox>("portal.inbox", undefined);
  const task = [...inbox.assigned, ...inbox.groupQueue].find((t) => t.instanceId === instanceId && t.stepId === stepId);
  expect(task, `an open task at ${stepId}`).toBeTruthy();
  if (inbox.groupQueue.includes(task!)) await api.mutate("portal.claim", { taskId: task!.id });
  await api.mutate("portal.complete", { taskId: task!.id, data });
  return task!;
}

test("scenario 5: version 2 with a new stage while version 1 runs; some requests migrated, the rest finish on version 1", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const admin = await apiAs(baseURL!, "admin");
  const dana = await apiAs(baseURL!, "dana");
  const sam = await apiAs(baseURL!, "sam");
  try {
    await admin.mutate("studio.saveDraft", { key: KEY, expectedVersion: null, definition: v1 });
    await admin.mutate("studio.publish", { key: KEY });
    const started: Record<string, string> = {};
    for (const client of ["Alder & Co", "Birch Ltd", "Cedar GmbH"]) {
      const { instanceId } = await dana.mutate<{ instanceId: string }>("portal.start", {
        processKey: KEY,
        data: { client, channel: "phone", subject: `Scanner at ${client} fails`, description: "Stops after ten pages.", urgency: "normal" },
      });
      started[client] = instanceId;
    }
    // Version 2, while the three wait at dispatch.
    const draft = await admin.query<{ version: number }>("studio.draft", { key: KEY });
    await admin.mutate("studio.saveDraft", { key: KEY, expectedVersion: draft.version, definition: withConfirmStage(v1) });
    await admin.mutate("studio.publish", { key: KEY });

    // The admin console: the versions with what runs on each, then the wizard.
    await signIn(page, "studio", "admin");
    await page.goto("/studio/admin/processes");
    await page.getByRole("link", { name: "Branch support request" }).click();
    await expect(page.getByRole("heading", { name: "Branch support request" })).toBeVisible();
    await expect(page.getByRole("row", { name: /^Version 1/ })).toContainText("3");
    // What changed: the new stage, on the diagrams side by side (the versions' compare view).
    await page.getByRole("row", { name: /^Version 2/ }).getByRole("link", { name: "Compare version 2 with version 1" }).click();
    const summary = page.getByRole("region", { name: "What changed from version 1 to version 2" });
    await expect(summary.getByRole("region", { name: "Steps" })).toContainText("Added Confirm with the client");
    await expect(page.locator('.compare-diagram').nth(1).locator('.djs-element.diff-added[data-element-id="confirm"]')).toHaveCount(1);
    await snap(page, "migration-00-compare");
    await page.getByRole("link", { name: "Branch support request" }).click();
    await page.getByRole("link", { name: "Migrate instances" }).click();
    await expect(page.getByRole("heading", { name: "Migrate running instances" })).toBeVisible();
    await expect(page.getByLabel("Move instances from")).toHaveValue("1");
    await expect(page.getByLabel("Move them to")).toHaveValue("2");
    await expect(page.getByText("Every step of version 1 is in version 2")).toBeVisible();
    const instances = page.getByRole("table", { name: /Running instances/ });
    await expect(instances.getByRole("row")).toHaveCount(4);
    await expect(instances.getByRole("row", { name: /Cedar GmbH/ })).toContainText("Dispatch the request");
    // Cedar stays on version 1.
    await instances.getByRole("checkbox", { name: /Cedar GmbH/ }).uncheck();
    await page.getByRole("button", { name: "Check (dry run)" }).click();
    await expect(page.getByText(/Dry run \(nothing was changed\): 2 of 2 can move/)).toBeVisible();
    await expect(instances.getByRole("row", { name: /Alder & Co/ })).toContainText("Can move");
    await snap(page, "migration-01-dry-run");
    await page.getByRole("button", { name: "Migrate 2 instances" }).click();
    const dialog = page.getByRole("dialog", { name: /Migrate 2 instances to version 2/ });
    await dialog.getByRole("button", { name: "Migrate 2" }).click();
    await expect(page.getByText("Done: 2 of 2 migrated.")).toBeVisible();
    const outcomes = page.getByRole("list", { name: "Outcome per instance" });
    await expect(outcomes.getByRole("listitem")).toHaveCount(2);
    // The list is read again: only Cedar is left on version 1.
    await expect(instances.getByRole("row")).toHaveCount(2);
    await expect(page.getByLabel("Move instances from")).toContainText("Version 1 — 1 running");
    await outcomes.scrollIntoViewIfNeeded();
    await snap(page, "migration-02-migrated");
    await signOut(page);

    // Alder, migrated, goes on on version 2: after the resolution comes the new stage.
    const alder = started["Alder & Co"]!;
    await complete(dana, alder, "dispatch", { responsible: "sam" });
    const resolved = await complete(sam, alder, "resolve", { resolution: "Replaced the feed roller." });
    expect(resolved.processVersion).toBe(2);
    await signIn(page, "portal", "dana");
    const queue = page.getByRole("region", { name: "Open for my groups" });
    await queue.getByRole("button", { name: /Claim Confirm with the client/ }).first().click();
    await page.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: /Confirm with the client/ }).click();
    await expect(page.getByText("Replaced the feed roller.")).toBeVisible();
    await page.getByLabel(/^What the client said/).fill("Works again, thank you.");
    await snap(page, "migration-03-new-stage-in-portal");
    await page.getByRole("button", { name: "Complete" }).click();
    await expect(page.getByText("Task completed").last()).toBeVisible();
    // The dispatcher's visa, as on version 1, closes it.
    await complete(dana, alder, "visa", { decision: "approve", comment: "" });
    await page.goto(`/portal/requests/${alder}`);
    await expect(page.getByText(/Branch support request \(version 2\)/)).toBeVisible();
    await expect(page.getByText("Moved from version 1 to version 2 of the process; the work goes on where it was")).toBeVisible();
    await snap(page, "migration-04-migrated-request");

    // Cedar, left on version 1, finishes without the new stage.
    const cedar = started["Cedar GmbH"]!;
    await complete(dana, cedar, "dispatch", { responsible: "sam" });
    expect((await complete(sam, cedar, "resolve", { resolution: "Cleaned the glass." })).processVersion).toBe(1);
    await complete(dana, cedar, "visa", { decision: "approve", comment: "" });
    const cedarDetails = await dana.query<{ status: string; version: number; tasks: { name: string }[] }>("portal.instance", { instanceId: cedar });
    expect(cedarDetails).toMatchObject({ status: "completed", version: 1 });
    expect(cedarDetails.tasks.map((t) => t.name)).not.toContain("Confirm with the client");
    const alderDetails = await dana.query<{ status: string; version: number }>("portal.instance", { instanceId: alder });
    expect(alderDetails).toMatchObject({ status: "completed", version: 2 });
    await page.goto(`/portal/requests/${cedar}`);
    await expect(page.getByText(/Branch support request \(version 1\)/)).toBeVisible();
    await snap(page, "migration-05-unmigrated-finished-on-v1");
    await signOut(page);
  } finally {
    await Promise.all([admin.dispose(), dana.dispose(), sam.dispose()]);
  }
});
