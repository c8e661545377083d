// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OpenIncident } from "../admin-api.ts";
import { adminApiWith, renderAdmin } from "../test-admin.tsx";
import { IncidentsPage } from "./IncidentsPage.tsx";

afterEach(cleanup);

const incident = (over: Partial<OpenIncident>): OpenIncident => ({
  incidentId: "inc-1",
  instanceId: "5b3c1f1e-0000-4000-8000-000000000001",
  instanceTitle: "Credit application #7 — Grace Hopper",
  processKey: "credit-application",
  processName: "Credit application",
  version: 2,
  stepId: "scoring",
  stepName: "Scoring",
  stepKind: "serviceCall",
  code: "service.failed",
  message: "service call \"Scoring\" (scoring): POST http://bureau/score answered 503",
  since: "2026-12-07T05:00:00.000Z",
  ...over,
});

describe("IncidentsPage", () => {
  it("says when nothing needs attention", async () => {
    renderAdmin(<IncidentsPage />, adminApiWith({ incidents: async () => [] }));
    expect(await screen.findByText("No open incidents")).toBeTruthy();
  });

  it("lists each incident with its instance, version, step and message, linking to the instance", async () => {
    const decision = incident({ incidentId: "inc-2", stepId: "route", stepName: "Route by amount", stepKind: "exclusiveGateway", code: "decision.no-match", message: "no condition matched" });
    renderAdmin(<IncidentsPage />, adminApiWith({ incidents: async () => [incident({}), decision] }));
    const [link] = await screen.findAllByRole("link", { name: /Credit application #7 — Grace Hopper/ });
    expect(link!.getAttribute("href")).toBe("/portal/requests/5b3c1f1e-0000-4000-8000-000000000001");
    const [, first, second] = screen.getAllByRole("row");
    expect(within(first!).getByText("Credit application · version 2")).toBeTruthy();
    expect(within(first!).getByText("Service call failed")).toBeTruthy();
    expect(within(first!).getByText(/answered 503/)).toBeTruthy();
    // Only a stuck service call can be skipped.
    expect(within(first!).queryByRole("button", { name: /^Skip Scoring/ })).toBeTruthy();
    expect(within(second!).getByText("No path matched")).toBeTruthy();
    expect(within(second!).queryByRole("button", { name: /^Skip/ })).toBeNull();
  });

  it("retries after saying what will happen, and reloads the list", async () => {
    const retryIncident = vi.fn(async () => ({ instanceId: "x", status: "running" }));
    let open = [incident({})];
    const incidents = vi.fn(async () => open);
    renderAdmin(<IncidentsPage />, adminApiWith({ incidents, retryIncident }));
    fireEvent.click(await screen.findByRole("button", { name: "Retry Scoring of Credit application #7 — Grace Hopper" }));
    const dialog = screen.getByRole("dialog", { name: "Retry “Scoring”?" });
    expect(dialog.textContent).toMatch(/service is called again/);
    open = [];
    fireEvent.click(within(dialog).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(retryIncident).toHaveBeenCalledWith("5b3c1f1e-0000-4000-8000-000000000001", "inc-1"));
    expect(await screen.findByText("No open incidents")).toBeTruthy();
    expect(screen.getByText("Retrying Scoring.")).toBeTruthy();
  });

  it("keeps the dialog open with the server's reason when a skip is refused", async () => {
    const skipIncident = vi.fn(async () => {
      throw Object.assign(new Error("x"), { data: { code: "CONFLICT", baton: { code: "CONFLICT", message: "The instance has completed; its incidents can no longer be retried or skipped." } } });
    });
    renderAdmin(<IncidentsPage />, adminApiWith({ incidents: async () => [incident({})], skipIncident }));
    fireEvent.click(await screen.findByRole("button", { name: /^Skip Scoring/ }));
    const dialog = screen.getByRole("dialog", { name: "Skip “Scoring”?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Skip the call" }));
    expect((await within(dialog).findByRole("alert")).textContent).toMatch(/has completed/);
  });
});
