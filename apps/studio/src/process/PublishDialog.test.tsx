// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { processDefinitionSchema, type ProcessDefinition } from "@baton/model";
import { PublishDialog } from "./PublishDialog.tsx";

const v1: ProcessDefinition = processDefinitionSchema.parse({
  schemaVersion: 1,
  key: "desk",
  name: "Desk",
  steps: [
    { id: "start", kind: "start", name: "Request", position: { x: 0, y: 0 } },
    { id: "done", kind: "end", name: "Closed", position: { x: 200, y: 0 } },
  ],
  connections: [{ id: "c1", source: "start", target: "done" }],
});

vi.mock("../api/trpc-client.ts", () => ({
  api: { version: vi.fn(async () => ({ version: 1, hash: "h1", publishedAt: "2026-12-01T00:00:00.000Z", publishedBy: "ana", definition: v1, forms: {} })) },
}));

afterEach(cleanup);

function renderDialog(onConfirm: (sealed: { label: string; releaseNote: string }) => void, latestVersion: number | null = 1) {
  const v2 = structuredClone(v1);
  v2.steps.push({ id: "triage", kind: "userTask", name: "Triage", position: { x: 100, y: 0 }, assignment: { type: "group", group: "desk" }, form: { schemaVersion: 1, blocks: [] } });
  v2.connections = [
    { id: "c1", source: "start", target: "triage" },
    { id: "c2", source: "triage", target: "done" },
  ];
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <PublishDialog name="Desk" processKey="desk" definition={v2} latestVersion={latestVersion} nextVersion={(latestVersion ?? 0) + 1} knownErrors={0} busy={false} error={null} onConfirm={onConfirm} onClose={() => {}} />
    </QueryClientProvider>,
  );
}

describe("the designer's publish dialog", () => {
  it("proposes the release note from what changed since the latest version, and seals label and note", async () => {
    const onConfirm = vi.fn();
    renderDialog(onConfirm);
    const note = screen.getByLabelText("Release note") as HTMLTextAreaElement;
    await waitFor(() => expect(note.value).toContain('- Added task "Triage".'));
    expect(note.value).toContain('- Changed the connection from "Request" to "Closed": now leads to "Triage".');
    fireEvent.change(screen.getByLabelText("Label (optional)"), { target: { value: " Triage first " } });
    fireEvent.change(note, { target: { value: "Requests are triaged first." } });
    fireEvent.click(screen.getByRole("button", { name: "Publish version 2" }));
    expect(onConfirm).toHaveBeenCalledWith({ label: "Triage first", releaseNote: "Requests are triaged first." });
  });

  it("calls a new process's first version that, and refuses too long a label where it is typed", () => {
    const onConfirm = vi.fn();
    renderDialog(onConfirm, null);
    expect((screen.getByLabelText("Release note") as HTMLTextAreaElement).value).toBe("First version.");
    fireEvent.change(screen.getByLabelText("Label (optional)"), { target: { value: "x".repeat(61) } });
    fireEvent.click(screen.getByRole("button", { name: "Publish version 1" }));
    expect(screen.getByText(/Keep the label to 60 characters/)).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
