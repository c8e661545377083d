// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PackageDiff } from "@baton/model";
import type { ProcessOverview, VersionDiff, VersionOverview } from "../admin-api.ts";
import { adminApiWith, renderAdmin, serverError } from "../test-admin.tsx";
import { AdminProcessesPage } from "./AdminProcessesPage.tsx";
import { AdminProcessPage } from "./AdminProcessPage.tsx";

afterEach(cleanup);

function version(n: number, over: Partial<VersionOverview> = {}): VersionOverview {
  return { version: n, name: "Support request", hash: `h${n}`, publishedAt: `2026-12-0${n}T06:00:00.000Z`, publishedBy: "admin", running: 0, finished: 0, label: null, releaseNote: null, origin: null, deprecated: null, ...over };
}

const support = (over: Partial<ProcessOverview> = {}): ProcessOverview => ({
  key: "support-request",
  name: "Support request",
  hasDraft: true,
  archived: null,
  versions: [version(2, { running: 3, label: "Review stage" }), version(1, { running: 47, finished: 120, deprecated: "too slow" })],
  ...over,
});

const routes = (
  <Routes>
    <Route path="/admin/processes/:key/*" element={<AdminProcessPage />} />
  </Routes>
);

const noChange: PackageDiff = {
  process: [],
  steps: { added: [], removed: [], changed: [] },
  connections: { added: [], removed: [], changed: [] },
  forms: [],
  variables: { added: [], removed: [] },
  layoutChanged: false,
  unchanged: true,
};

describe("versions in the admin console", () => {
  it("shows labels and deprecated versions, and deprecates the latest after saying what happens", async () => {
    const deprecate = vi.fn(async () => ({ running: 3 }));
    renderAdmin(routes, adminApiWith({ processes: async () => [support()], publishers: async () => ({}), people: async () => ({ users: [], groups: [] }), deprecate }), "/admin/processes/support-request");
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(within(rows[0]!).getByRole("rowheader").textContent).toBe("Version 2LatestReview stage");
    expect(within(rows[1]!).getByText("Deprecated").getAttribute("title")).toBe("too slow");
    // A deprecated version is undeprecated, not rolled back to.
    expect(within(rows[1]!).getByRole("button", { name: "Undeprecate version 1" })).toBeTruthy();
    expect(within(rows[1]!).queryByRole("button", { name: /Roll back/ })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Deprecate version 2" }));
    const dialog = await screen.findByRole("dialog", { name: "Deprecate version 2 of Support request?" });
    expect(dialog.textContent).toContain("The 3 running on it go on and finish on it.");
    expect(dialog.textContent).toContain("until you roll back or publish a new version, nobody can start Support request");
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: "wrong queue" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Deprecate" }));
    await waitFor(() => expect(deprecate).toHaveBeenCalledWith("support-request", 2, "wrong queue"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("rolls back to an older version, and shows the server's refusal in the dialog", async () => {
    const rollback = vi.fn(async () => {
      throw serverError("CONFLICT", "Version 1 of \"Support request\" is deprecated; undeprecate it first if it should run again.");
    });
    const process = support({ versions: [version(3), version(2), version(1)] });
    renderAdmin(routes, adminApiWith({ processes: async () => [process], publishers: async () => ({}), people: async () => ({ users: [], groups: [] }), rollback }), "/admin/processes/support-request");
    fireEvent.click(await screen.findByRole("button", { name: "Roll back to version 1" }));
    const dialog = await screen.findByRole("dialog", { name: "Roll back Support request to version 1?" });
    expect(dialog.textContent).toContain("published again as version 4");
    fireEvent.click(within(dialog).getByRole("button", { name: "Roll back to version 1" }));
    expect((await within(dialog).findByRole("alert")).textContent).toMatch(/undeprecate it first/);
    expect(rollback).toHaveBeenCalledWith("support-request", 1, "");
  });

  it("archives and unarchives the process", async () => {
    const unarchive = vi.fn(async () => ({ ok: true as const }));
    renderAdmin(routes, adminApiWith({ processes: async () => [support({ archived: "moved to the new desk" })], publishers: async () => ({}), people: async () => ({ users: [], groups: [] }), unarchive }), "/admin/processes/support-request");
    expect(await screen.findByText("Archived: moved to the new desk")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Unarchive" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Unarchive" }));
    await waitFor(() => expect(unarchive).toHaveBeenCalledWith("support-request"));
  });

  it("publishes the draft with a label and the proposed release note, edited", async () => {
    const publishDraft = vi.fn(async () => ({ processKey: "support-request", version: 3, hash: "h3", created: true }));
    const draftDiff = vi.fn(async () => ({ latest: 2, diff: { ...noChange, unchanged: false }, releaseNote: '- Added task "Second-level review".' }));
    renderAdmin(routes, adminApiWith({ processes: async () => [support()], publishers: async () => ({}), people: async () => ({ users: [], groups: [] }), draftDiff, publishDraft }), "/admin/processes/support-request");
    fireEvent.click(await screen.findByRole("button", { name: "Publish the draft" }));
    const dialog = await screen.findByRole("dialog", { name: "Publish Support request" });
    const note = (await within(dialog).findByLabelText("Release note")) as HTMLTextAreaElement;
    expect(note.value).toBe('- Added task "Second-level review".');
    expect(dialog.textContent).toContain("Compared with version 2, the latest.");
    fireEvent.change(note, { target: { value: `${note.value}\n- Faster for managers.` } });
    fireEvent.change(within(dialog).getByLabelText("Label (optional)"), { target: { value: "x".repeat(61) } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Publish" }));
    expect(within(dialog).getByText(/Keep the label to 60 characters/)).toBeTruthy();
    expect(publishDraft).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText("Label (optional)"), { target: { value: " Review stage " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Publish" }));
    await waitFor(() => expect(publishDraft).toHaveBeenCalledWith("support-request", "Review stage", '- Added task "Second-level review".\n- Faster for managers.'));
  });

  it("compares two versions: pickers, the list of changes, and both diagrams", async () => {
    const diff: PackageDiff = {
      ...noChange,
      unchanged: false,
      steps: {
        added: [{ id: "review", name: "Second-level review", kind: "userTask" }],
        removed: [],
        changed: [{ id: "resolve", name: "Resolve", kind: "userTask", changes: [{ aspect: "assignment", label: "Who does it", before: 'group "support"', after: 'group "second-line"' }] }],
      },
      forms: [{ step: { id: "resolve", name: "Resolve", kind: "userTask" }, added: [{ key: "prio", label: "Priority", type: "select", required: true }], removed: [], retyped: [], requiredChanged: [] }],
      variables: { added: ["prio"], removed: [] },
    };
    const side = (n: number) => ({ version: n, name: "Support request", hash: `h${n}`, label: null, releaseNote: null, bpmnXml: null, deprecated: null, publishedAt: "2026-12-01T06:00:00.000Z", publishedBy: "admin", markers: {} });
    const versionDiff = vi.fn(async (_key: string, from: number, to: number): Promise<VersionDiff> => ({ processKey: "support-request", from: side(from), to: side(to), diff, releaseNote: "" }));
    const process = support({ versions: [version(3), version(2), version(1)] });
    renderAdmin(routes, adminApiWith({ processes: async () => [process], versionDiff }), "/admin/processes/support-request/compare");
    const summary = await screen.findByRole("region", { name: "What changed from version 2 to version 3" });
    expect(versionDiff).toHaveBeenCalledWith("support-request", 2, 3);
    expect(within(summary).getByRole("region", { name: "Steps" }).textContent).toContain("Added Second-level review");
    expect(within(summary).getByRole("region", { name: "Steps" }).textContent).toContain('Who does it: group "support" → group "second-line"');
    expect(within(summary).getByRole("region", { name: "Form fields" }).textContent).toContain("New field “Priority” (select, required)");
    expect(screen.getAllByRole("figure").map((f) => f.querySelector("figcaption")!.textContent)).toEqual(["Version 2", "Version 3"]);
    fireEvent.change(screen.getByLabelText("Older side"), { target: { value: "1" } });
    await waitFor(() => expect(versionDiff).toHaveBeenCalledWith("support-request", 1, 3));
    fireEvent.change(screen.getByLabelText("Newer side"), { target: { value: "1" } });
    expect(await screen.findByText("Pick two different versions.")).toBeTruthy();
  });

  it("imports a package file, and shows why the server refuses one", async () => {
    const importPackage = vi.fn(async () => {
      throw serverError("INVALID_INPUT", "This package file cannot be imported: it was changed after it was exported (its checksum does not match its content).");
    });
    renderAdmin(<Routes><Route path="/admin/processes" element={<AdminProcessesPage />} /></Routes>, adminApiWith({ processes: async () => [support({ archived: "" })], importPackage }), "/admin/processes");
    expect(await screen.findByText("Archived")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Import a package file" }));
    const dialog = await screen.findByRole("dialog", { name: "Import a package file" });
    const input = dialog.querySelector('input[type="file"]')!;
    expect((within(dialog).getByRole("button", { name: "Import and publish" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { files: [new File(["not json"], "notes.txt")] } });
    // Reading a file is asynchronous (FileReader): allow for a busy machine.
    const slow = { timeout: 5000 };
    expect((await within(dialog).findByRole("alert", {}, slow)).textContent).toBe("notes.txt is not a JSON file: choose a package file exported from Baton.");
    fireEvent.change(input, { target: { files: [new File(['{"format":"baton.package"}'], "desk.baton.json")] } });
    await waitFor(() => expect((within(dialog).getByRole("button", { name: "Import and publish" }) as HTMLButtonElement).disabled).toBe(false), slow);
    expect(within(dialog).queryByRole("alert")).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Import and publish" }));
    expect((await within(dialog).findByRole("alert", {}, slow)).textContent).toMatch(/checksum does not match/);
    expect(importPackage).toHaveBeenCalledWith({ format: "baton.package" });
  });

  it("downloads a version as a package file", async () => {
    const exportPackage = vi.fn(async () => ({ processKey: "support-request", version: 1 }) as never);
    const created = vi.fn(() => "blob:package");
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    renderAdmin(routes, adminApiWith({ processes: async () => [support()], publishers: async () => ({}), people: async () => ({ users: [], groups: [] }), exportPackage }), "/admin/processes/support-request");
    fireEvent.click(await screen.findByRole("button", { name: "Download version 1 as a package file" }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(exportPackage).toHaveBeenCalledWith("support-request", 1);
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toBe("support-request-v1.baton.json");
    clicked.mockRestore();
  });
});
