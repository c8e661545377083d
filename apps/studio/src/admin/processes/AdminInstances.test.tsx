// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InstancesPage, InstancesQuery, ProcessInstance, ProcessOverview, VersionOverview } from "../admin-api.ts";
import { adminApiWith, renderAdmin, serverError } from "../test-admin.tsx";
import { AdminProcessPage } from "./AdminProcessPage.tsx";

afterEach(cleanup);

const version = (n: number): VersionOverview => ({ version: n, name: "Support request", hash: `h${n}`, publishedAt: "2026-12-01T06:00:00.000Z", publishedBy: "admin", running: 1, finished: 0, label: null, releaseNote: null, origin: null, deprecated: null });
const support: ProcessOverview = { key: "support-request", name: "Support request", hasDraft: false, archived: null, versions: [version(2), version(1)] };

const instance = (over: Partial<ProcessInstance> & { id: string; number: number }): ProcessInstance => ({
  title: `Support request #${over.number}`,
  version: 2,
  status: "running",
  currentSteps: [{ stepId: "dispatch", name: "Dispatch the request" }],
  startedAt: "2026-12-01T08:00:00.000Z",
  startedBy: "dana",
  startedByName: "Dana Desk",
  updatedAt: "2026-12-01T08:00:00.000Z",
  endedAt: null,
  calledBy: null,
  ...over,
});
const page = (instances: ProcessInstance[], total = instances.length): InstancesPage => ({ instances, total, limit: 50, offset: 0, nextOffset: null });

const routes = (
  <Routes>
    <Route path="/admin/processes/:key/*" element={<AdminProcessPage />} />
  </Routes>
);
const render = (calls: Parameters<typeof adminApiWith>[0]) => renderAdmin(routes, adminApiWith({ processes: async () => [support], publishers: async () => ({}), people: async () => ({ users: [], groups: [] }), ...calls }), "/admin/processes/support-request");
const instancesTable = async () => within(await screen.findByRole("table", { name: "Instances, newest first" }));

describe("a process's instances in the admin console", () => {
  it("lists the active instances with version, status, current step and start, and filters by status and version", async () => {
    const instances = vi.fn(async (query: InstancesQuery) =>
      query.status === "cancelled" ? page([instance({ id: "i-3", number: 3, status: "cancelled", currentSteps: [], endedAt: "2026-12-01T09:00:00.000Z" })]) : page([instance({ id: "i-12", number: 12 }), instance({ id: "i-11", number: 11, version: 1, status: "incident", calledBy: { id: "i-10", number: 10 } })]),
    );
    render({ instances });
    const table = await instancesTable();
    const rows = table.getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["Support request #12 ", "Support request #11 Called by #10"]);
    expect(within(rows[0]!).getAllByRole("cell").map((c) => c.textContent).slice(1, 4)).toEqual(["2", "Running", "Dispatch the request"]);
    expect(within(rows[0]!).getByText("by Dana Desk")).toBeTruthy();
    expect(within(rows[1]!).getByText("Incident")).toBeTruthy();
    // A called instance is stopped through its caller.
    expect(within(rows[0]!).getByRole("button", { name: "Cancel Support request #12…" })).toBeTruthy();
    expect(within(rows[1]!).queryByRole("button")).toBeNull();
    expect(within(rows[1]!).getByText("Cancel #10 to stop it")).toBeTruthy();
    expect(instances).toHaveBeenLastCalledWith({ processKey: "support-request", status: "active", limit: 50, offset: 0 });

    fireEvent.change(screen.getByLabelText("Version"), { target: { value: "1" } });
    await waitFor(() => expect(instances).toHaveBeenLastCalledWith({ processKey: "support-request", status: "active", version: 1, limit: 50, offset: 0 }));
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "cancelled" } });
    await waitFor(() => expect(screen.getByText("Support request #3")).toBeTruthy());
    expect(instances).toHaveBeenLastCalledWith({ processKey: "support-request", status: "cancelled", version: 1, limit: 50, offset: 0 });
    expect(screen.queryByRole("button", { name: /Cancel Support request #3/ })).toBeNull();
  });

  it("says when nothing runs, and when the list could not be loaded, with a way to try again", async () => {
    render({ instances: async () => page([]) });
    expect(await screen.findByText("No instance is running")).toBeTruthy();
    cleanup();
    let fail = true;
    render({ instances: async () => (fail ? Promise.reject(serverError("INTERNAL", "The database is away.")) : page([instance({ id: "i-1", number: 1 })])) });
    expect(await screen.findByText("The instances could not be loaded")).toBeTruthy();
    expect(screen.getByText("The database is away.")).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Support request #1")).toBeTruthy();
  });

  it("pages through older instances", async () => {
    const instances = vi.fn(async (query: InstancesQuery): Promise<InstancesPage> => {
      const rows = query.offset === 0 ? [instance({ id: "i-60", number: 60 })] : [instance({ id: "i-1", number: 1 })];
      return { instances: rows, total: 51, limit: 50, offset: query.offset, nextOffset: query.offset === 0 ? 50 : null };
    });
    render({ instances });
    expect(await screen.findByText("Support request #60")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Older" }));
    expect(await screen.findByText("Support request #1")).toBeTruthy();
    expect(screen.getByText("51–51 of 51")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Older" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Newer" }));
    expect(await screen.findByText("Support request #60")).toBeTruthy();
  });

  it("asks for a reason before cancelling, cancels, and reads the list again", async () => {
    let cancelled = false;
    const instances = vi.fn(async () => (cancelled ? page([]) : page([instance({ id: "i-12", number: 12 })])));
    const cancelInstance = vi.fn(async (instanceId: string) => {
      cancelled = true;
      return { instanceId, cancelled: [instanceId] };
    });
    render({ instances, cancelInstance });
    fireEvent.click(await screen.findByRole("button", { name: "Cancel Support request #12…" }));
    const dialog = within(await screen.findByRole("dialog", { name: "Cancel Support request #12?" }));
    expect(dialog.getByText(/at “Dispatch the request”/)).toBeTruthy();
    const reason = dialog.getByLabelText(/Reason/);
    expect(document.activeElement).toBe(reason);

    fireEvent.click(dialog.getByRole("button", { name: "Cancel the instance" }));
    expect(dialog.getByText("Give a reason: the people of this request will read it.")).toBeTruthy();
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(cancelInstance).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: "  Sent twice by mistake " } });
    expect(dialog.queryByText(/Give a reason/)).toBeNull();
    fireEvent.click(dialog.getByRole("button", { name: "Cancel the instance" }));
    await waitFor(() => expect(cancelInstance).toHaveBeenCalledWith("i-12", "Sent twice by mistake"));
    expect(await screen.findByText("No instance is running")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByText("Support request #12 was cancelled.")).toBeTruthy();
  });

  it("shows the server's refusal in the dialog and keeps it open", async () => {
    const cancelInstance = vi.fn(async () => Promise.reject(serverError("CONFLICT", "Support request #12 has already ended (completed); there is nothing left to cancel.")));
    render({ instances: async () => page([instance({ id: "i-12", number: 12 })]), cancelInstance });
    fireEvent.click(await screen.findByRole("button", { name: "Cancel Support request #12…" }));
    const dialog = within(await screen.findByRole("dialog"));
    fireEvent.change(dialog.getByLabelText(/Reason/), { target: { value: "Duplicate" } });
    fireEvent.click(dialog.getByRole("button", { name: "Cancel the instance" }));
    expect((await dialog.findByRole("alert")).textContent).toBe("Support request #12 has already ended (completed); there is nothing left to cancel.");
    fireEvent.click(dialog.getByRole("button", { name: "Keep it running" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
