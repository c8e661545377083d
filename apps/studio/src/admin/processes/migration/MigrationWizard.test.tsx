// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProcessOverview } from "../../admin-api.ts";
import { adminApiWith, renderAdmin } from "../../test-admin.tsx";
import { AdminProcessPage } from "../AdminProcessPage.tsx";
import { MigrationApiContext, type MigrationApi, type MigrationCandidate, type MigrationProposal, type MigrationRequest } from "./migration-api.ts";

afterEach(cleanup);

const support: ProcessOverview = {
  key: "support-request",
  name: "Support request",
  hasDraft: false,
  archived: null,
  versions: [
    { version: 2, name: "Support request", hash: "h2", publishedAt: "2026-12-07T06:00:00.000Z", publishedBy: "admin", running: 0, finished: 0, label: null, releaseNote: null, origin: null, deprecated: null },
    { version: 1, name: "Support request", hash: "h1", publishedAt: "2026-12-01T06:00:00.000Z", publishedBy: "ana", running: 2, finished: 5, label: null, releaseNote: null, origin: null, deprecated: null },
  ],
};
const candidate = (n: number, step = { stepId: "triage", name: "Triage" }): MigrationCandidate => ({ id: `i-${n}`, number: n, title: `Printer ${n}`, status: "running", startedAt: "2026-12-02T08:00:00.000Z", activeSteps: [step] });
const proposalWith = (instances: MigrationCandidate[]): MigrationProposal => ({
  processKey: "support-request",
  from: { version: 1, name: "Support request" },
  to: { version: 2, name: "Support request" },
  mapping: { start: "start", triage: null, visa: "visa" },
  choices: [
    { stepId: "triage", name: "Triage", kind: "userTask", options: [{ id: "assess", name: "Assess" }, { id: "check", name: "Quality check" }], activeInstances: 1 },
    { stepId: "tellOld", name: "Tell the old team", kind: "notify", options: [], activeInstances: 0 },
  ],
  instances,
});
const outcome = (request: MigrationRequest, id: string, ok: boolean, outcome: "checked" | "migrated") => ({
  instanceId: id,
  number: Number(id.slice(2)),
  title: `Printer ${id.slice(2)}`,
  outcome: ok ? outcome : ("refused" as const),
  reasons: ok ? [] : [`The work at "Visa" (visa) has no step to go to in the new version; map it to a step of the same kind (an approval).`],
  warnings: ok && id === "i-1" ? [`The form of "Quality check" (check) in the new version reads "priority", which this instance does not have; it will show empty.`] : [],
  moves: ok && request.mapping.triage ? [{ from: "triage", to: request.mapping.triage }] : [],
  draftsKept: id === "i-1" ? 1 : 0,
});

function renderWizard(api: Partial<MigrationApi>, processes = [support]) {
  const migrationApi = { propose: vi.fn(), check: vi.fn(), run: vi.fn(), ...api } as MigrationApi;
  renderAdmin(
    <MigrationApiContext.Provider value={migrationApi}>
      <Routes>
        <Route path="/admin/processes/:key/*" element={<AdminProcessPage />} />
      </Routes>
    </MigrationApiContext.Provider>,
    adminApiWith({ processes: async () => processes }),
    "/admin/processes/support-request/migrate",
  );
  return migrationApi;
}

describe("the migration wizard", () => {
  it("proposes versions and mapping, runs a dry run and shows per instance whether it can move and why not", async () => {
    const api = renderWizard({
      propose: vi.fn(async () => proposalWith([candidate(1), candidate(2, { stepId: "visa", name: "Visa" })])),
      check: vi.fn(async (request: MigrationRequest) => ({ processKey: "support-request", fromVersion: 1, toVersion: 2, dryRun: true, mapping: request.mapping, results: request.instanceIds.map((id) => outcome(request, id, id === "i-1", "checked")) })),
    });
    expect((await screen.findByLabelText("Move instances from") as HTMLSelectElement).value).toBe("1");
    expect((screen.getByLabelText("Move them to") as HTMLSelectElement).value).toBe("2");
    expect(api.propose).toHaveBeenCalledWith("support-request", 1, 2);
    const rows = within(await screen.findByRole("table", { name: /Running instances/ })).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[2]!.textContent)).toEqual(["Triage", "Visa"]);

    // A step no instance is at is folded away.
    expect(screen.getByText(/1 other step of the old version is not in version 2/).closest("details")!.open).toBe(false);
    fireEvent.change(screen.getByLabelText("Triage"), { target: { value: "assess" } });
    fireEvent.click(screen.getByRole("button", { name: "Check (dry run)" }));
    await waitFor(() => expect(api.check).toHaveBeenCalledWith({ processKey: "support-request", fromVersion: 1, toVersion: 2, instanceIds: ["i-1", "i-2"], mapping: { triage: "assess" } }));
    expect((await screen.findByText(/^Dry run/)).textContent).toMatch(/nothing was changed\): 1 of 2 can move, 1 cannot/);
    expect(within(rows[0]!).getByText("Can move")).toBeTruthy();
    expect(within(rows[0]!).getByText(/reads "priority"/)).toBeTruthy();
    expect(within(rows[0]!).getByText("1 draft kept")).toBeTruthy();
    expect(within(rows[1]!).getByText("Cannot move")).toBeTruthy();
    expect(within(rows[1]!).getByText(/"Visa" \(visa\) has no step to go to/)).toBeTruthy();
    expect(api.run).not.toHaveBeenCalled();
  });

  it("migrates the chosen instances after confirming, a few at a time, with progress and each outcome", async () => {
    const many = Array.from({ length: 12 }, (_, i) => candidate(i + 1));
    const api = renderWizard({
      propose: vi.fn(async () => proposalWith(many)),
      run: vi.fn(async (request: MigrationRequest) => ({ processKey: "support-request", fromVersion: 1, toVersion: 2, dryRun: false, mapping: request.mapping, results: request.instanceIds.map((id) => outcome(request, id, id !== "i-12", "migrated")) })),
    });
    const one = await screen.findByRole("checkbox", { name: "Migrate #3 Printer 3" });
    fireEvent.click(one);
    fireEvent.change(screen.getByLabelText("Triage"), { target: { value: "assess" } });
    fireEvent.click(screen.getByRole("button", { name: "Migrate 11 instances" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toMatch(/keep their assignee and drafts/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Migrate 11" }));
    await waitFor(() => expect(screen.getByText(/^Done: 10 of 11 migrated, 1 not\./)).toBeTruthy());
    expect(api.run).toHaveBeenCalledTimes(2);
    const sent = (api.run as ReturnType<typeof vi.fn>).mock.calls.map((c) => (c[0] as MigrationRequest).instanceIds);
    expect(sent.map((ids) => ids.length)).toEqual([10, 1]);
    expect(sent.flat()).not.toContain("i-3");
    const results = screen.getByRole("list", { name: "Outcome per instance" });
    expect(within(results).getAllByRole("listitem")).toHaveLength(11);
    expect(within(results).getByText(/Printer 12/).closest("li")!.textContent).toMatch(/Not moved.*has no step to go to/);
    expect((screen.getByRole("progressbar", { name: "Migration progress" }) as HTMLProgressElement).value).toBe(11);
  });

  it("says there is nothing to migrate with only one version", async () => {
    renderWizard({}, [{ ...support, versions: support.versions.slice(1) }]);
    expect(await screen.findByText("Nothing to migrate yet")).toBeTruthy();
  });
});
