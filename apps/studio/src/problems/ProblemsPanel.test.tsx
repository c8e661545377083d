// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Problem } from "@baton/model";
import { sampleProcess } from "../test/sample-process.ts";
import { ProblemsPanel } from "./ProblemsPanel.tsx";

afterEach(cleanup);

const problems: Problem[] = [
  { code: "decision.no-default", severity: "warning", message: "Outcome? has no default path.", stepId: "decision" },
  { code: "expression.syntax", severity: "error", message: "The condition does not parse.", connectionId: "c-yes" },
  { code: "process.no-end", severity: "error", message: "The process has no end." },
];

describe("ProblemsPanel", () => {
  it("lists every problem under its step or connection, with counts", () => {
    render(
      <ProblemsPanel problems={problems} definition={sampleProcess()} source="Checked as you look" selection={null} onSelectProblem={() => {}} />,
    );
    const panel = screen.getByRole("region", { name: "Problems" });
    expect(within(panel).getByLabelText("2 errors")).toBeTruthy();
    expect(within(panel).getByLabelText("1 warnings")).toBeTruthy();
    const items = within(panel).getAllByRole("button").filter((b) => b.classList.contains("problem-item"));
    expect(items.map((b) => b.textContent)).toEqual([
      "The process has no end.",
      "Outcome? has no default path.",
      "The condition does not parse.",
    ]);
    expect(within(panel).getByText("Outcome?")).toBeTruthy();
    expect(within(panel).getByText("“Converted” (Outcome? → Enter the order)")).toBeTruthy();
    expect(within(panel).getAllByLabelText("Error")).toHaveLength(2);
    expect(within(panel).getAllByLabelText("Warning")).toHaveLength(1);
  });

  it("calls the select handler with the problem that was clicked", () => {
    const onSelectProblem = vi.fn();
    render(
      <ProblemsPanel problems={problems} definition={sampleProcess()} source="" selection={null} onSelectProblem={onSelectProblem} />,
    );
    fireEvent.click(screen.getByRole("button", { name: /has no default path/ }));
    expect(onSelectProblem).toHaveBeenCalledTimes(1);
    expect(onSelectProblem).toHaveBeenCalledWith(problems[0]);
  });

  it("says so when there is nothing to fix, and can be collapsed", () => {
    render(<ProblemsPanel problems={[]} definition={sampleProcess()} source="" selection={null} onSelectProblem={() => {}} />);
    expect(screen.getByText("No problems found.")).toBeTruthy();
    const toggle = screen.getByRole("button", { name: /problems/i });
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText("No problems found.")).toBeNull();
  });
});
