import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { EscalationBadge } from "./EscalationBadge.tsx";

afterEach(cleanup);

describe("EscalationBadge", () => {
  it("says nothing before the first level, 'Escalated' at the first, and the level after", () => {
    const { container, rerender } = render(<EscalationBadge level={0} />);
    expect(container.textContent).toBe("");
    rerender(<EscalationBadge level={1} />);
    expect(screen.getByText("Escalated")).toBeTruthy();
    rerender(<EscalationBadge level={2} />);
    expect(screen.getByText("Escalated · level 2").getAttribute("title")).toMatch(/level 2 has been reached/);
  });
});
