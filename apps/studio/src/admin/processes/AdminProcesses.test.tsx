// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProcessOverview, VersionOverview } from "../admin-api.ts";
import { adminApiWith, renderAdmin, user } from "../test-admin.tsx";
import { AdminProcessesPage } from "./AdminProcessesPage.tsx";
import { AdminProcessPage } from "./AdminProcessPage.tsx";

afterEach(cleanup);

function version(n: number, publishedBy: string, running: number, finished: number): VersionOverview {
  return { version: n, name: "Support request", hash: `h${n}`, publishedAt: `2026-12-0${n}T06:00:00.000Z`, publishedBy, running, finished, label: null, releaseNote: null, origin: null, deprecated: null };
}

const support: ProcessOverview = {
  key: "support-request",
  name: "Support request",
  hasDraft: true,
  archived: null,
  versions: [
    { ...version(2, "admin", 3, 0), label: "Review stage", releaseNote: '- Added task "Second-level review".\n- New variables: reviewOk.' },
    { ...version(1, "ana", 47, 120), releaseNote: "First version." },
  ],
};
const draftOnly: ProcessOverview = { key: "new-idea", name: "New idea", hasDraft: true, archived: null, versions: [] };

const routes = (
  <Routes>
    <Route path="/admin/processes" element={<AdminProcessesPage />} />
    <Route path="/admin/processes/:key/*" element={<AdminProcessPage />} />
  </Routes>
);

describe("admin processes", () => {
  it("lists processes with their latest version and the work on all versions", async () => {
    renderAdmin(routes, adminApiWith({ processes: async () => [draftOnly, support] }), "/admin/processes");
    const row = (await screen.findByRole("link", { name: "Support request" })).closest("tr")!;
    expect([...row.querySelectorAll("td")].map((td) => td.textContent)).toEqual([expect.stringContaining("support-request"), expect.stringMatching(/^Version 2/), "2", "50", "120"]);
    expect(within(screen.getByRole("link", { name: "New idea" }).closest("tr")!).getByText("Draft only")).toBeTruthy();
  });

  it("shows one process's versions with counts, and lets the admin allow analysts to publish it", async () => {
    const setPublisher = vi.fn(async () => ({ ok: true as const }));
    const api = adminApiWith({
      processes: async () => [support],
      people: async () => ({ users: [user({ username: "ana", displayName: "Ana Analyst", role: "analyst" }), user({ username: "alex", displayName: "Alex Analyst", role: "analyst" }), user({ username: "dana", displayName: "Dana Desk" })], groups: [] }),
      publishers: async () => ({ "support-request": [{ username: "ana", displayName: "Ana Analyst", grantedBy: "admin", grantedAt: "2026-12-01T06:00:00.000Z" }] }),
      setPublisher,
    });
    renderAdmin(routes, api, "/admin/processes/support-request");
    const versions = await screen.findByRole("table");
    const rows = within(versions).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["Version 2LatestReview stage", "Version 1"]);
    expect(within(rows[1]!).getAllByRole("cell").map((c) => c.textContent).slice(2, 4)).toEqual(["47", "120"]);
    const ana = await screen.findByRole("checkbox", { name: /Ana Analyst/ });
    expect((ana as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole("checkbox", { name: /Dana Desk/ })).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: /Alex Analyst/ }));
    await waitFor(() => expect(setPublisher).toHaveBeenCalledWith("support-request", "alex", true));
  });

  it("says so when the process does not exist", async () => {
    renderAdmin(routes, adminApiWith({ processes: async () => [support] }), "/admin/processes/nope");
    expect(await screen.findByText("There is no such process")).toBeTruthy();
  });
});
