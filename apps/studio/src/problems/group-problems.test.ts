import { describe, expect, it } from "vitest";
import { validate, type Problem } from "@baton/model";
import { sampleProcess } from "../test/sample-process.ts";
import {
  connectionDisplayName,
  countProblems,
  groupProblems,
  severityByElement,
  summarizeProblems,
} from "./group-problems.ts";

const p = (severity: Problem["severity"], extra: Partial<Problem> = {}): Problem => ({
  code: "step.dead-end",
  message: `${severity} ${JSON.stringify(extra)}`,
  severity,
  ...extra,
});

describe("groupProblems", () => {
  it("puts the process first, then steps and connections in definition order, errors first", () => {
    const def = sampleProcess();
    const problems = [
      p("warning", { connectionId: "c-no" }),
      p("warning", { stepId: "enterOrder" }),
      p("error", { stepId: "enterOrder" }),
      p("error"),
      p("warning", { stepId: "callBack" }),
    ];
    const groups = groupProblems(problems, def);
    expect(groups.map((g) => g.label)).toEqual([
      "Process",
      "Call back the prospect",
      "Enter the order",
      "“Not interested” (Outcome? → Not interested)",
    ]);
    expect(groups.map((g) => g.worst)).toEqual(["error", "warning", "error", "warning"]);
    expect(groups[2]!.problems.map((x) => x.severity)).toEqual(["error", "warning"]);
    expect(groups[3]!.target).toEqual({ type: "connection", id: "c-no" });
    expect(groups[0]!.target).toBeNull();
  });

  it("groups what the real validator reports on a broken process", () => {
    const def = sampleProcess();
    def.connections = def.connections.filter((c) => c.id !== "c3"); // "Enter the order" now leads nowhere
    def.connections.find((c) => c.id === "c-yes")!.condition = "outcome = = 1";
    const problems = validate(def);
    expect(problems.length).toBeGreaterThan(0);
    const groups = groupProblems(problems, def);
    expect(groups.reduce((n, g) => n + g.problems.length, 0)).toBe(problems.length);
    const labels = groups.map((g) => g.label);
    expect(labels).toContain("Enter the order");
    expect(labels.some((l) => l.startsWith("“Converted”"))).toBe(true);
  });

  it("names steps and connections it cannot find by their id", () => {
    const groups = groupProblems([p("error", { stepId: "ghost" }), p("error", { connectionId: "c-ghost" })], sampleProcess());
    expect(groups.map((g) => g.label)).toEqual(["Step ghost", "Connection c-ghost"]);
  });
});

describe("countProblems and severityByElement", () => {
  it("counts and keeps the worst severity per element", () => {
    const problems = [
      p("warning", { stepId: "a" }),
      p("error", { stepId: "a" }),
      p("warning", { stepId: "a" }),
      p("warning", { connectionId: "c", stepId: "a" }),
    ];
    expect(countProblems(problems)).toEqual({ errors: 1, warnings: 3 });
    expect(summarizeProblems(problems)).toBe("1 error and 3 warnings");
    expect(summarizeProblems(problems.slice(0, 1))).toBe("1 warning");
    expect(summarizeProblems([])).toBe("no problems");
    const marks = severityByElement(problems);
    expect(marks.steps.get("a")).toBe("error");
    expect(marks.connections.get("c")).toBe("warning");
  });
});

describe("connectionDisplayName", () => {
  it("uses the route when there is no label", () => {
    expect(connectionDisplayName(sampleProcess(), "c1")).toBe("Log the prospect → Call back the prospect");
  });
});
