import { cleanup, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import type { CallLink } from "../lib/api-types.ts";
import { CallLinksSection } from "./CallLinksSection.tsx";

afterEach(cleanup);

const link = (over: Partial<CallLink>): CallLink => ({
  instanceId: "5b3c1f1e-0000-4000-8000-000000000001",
  title: "Damage claim #12 — Grace Hopper",
  processKey: "damage-claim",
  processName: "Damage claim",
  status: "running",
  startedAt: "2026-05-04T08:00:00.000Z",
  endedAt: null,
  stepId: "assess",
  stepName: "Assess the damage",
  ...over,
});

const show = (parent: CallLink | null, children: CallLink[]) =>
  render(
    <MemoryRouter>
      <CallLinksSection parent={parent} children={children} />
    </MemoryRouter>,
  );

describe("CallLinksSection", () => {
  it("shows nothing for a request that is not connected to another", () => {
    const { container } = show(null, []);
    expect(container.textContent).toBe("");
  });

  it("links the request that started this one, at which step", () => {
    show(link({}), []);
    const section = screen.getByRole("region", { name: "Connected requests" });
    expect(section.textContent).toContain("Started as a part of Damage claim #12 — Grace Hopper, at “Assess the damage”.");
    expect(within(section).getByRole("link").getAttribute("href")).toBe("/requests/5b3c1f1e-0000-4000-8000-000000000001");
  });

  it("lists the requests this one started, each with its process, step and status", () => {
    show(null, [
      link({ instanceId: "a", title: "Assess damage #13", processName: "Assess damage", status: "completed" }),
      link({ instanceId: "b", title: "Assess damage #14", processName: "Assess damage", status: "cancelled", stepName: null }),
    ]);
    const rows = screen.getAllByRole("listitem");
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Assess damage #13Assess damage · for “Assess the damage”Started .*Completed$/),
      expect.stringMatching(/^Assess damage #14Assess damageStarted .*Cancelled$/),
    ]);
    expect(within(rows[1]!).getByRole("link").getAttribute("href")).toBe("/requests/b");
  });
});
