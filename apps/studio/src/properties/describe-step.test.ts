import { describe, expect, it } from "vitest";
import {
  describeAfter,
  describeEscalations,
  describeAssignment,
  describeDue,
  describeDuration,
  fieldTypeLabel,
  parseIsoDuration,
  stepDisplayName,
  stepKindLabel,
} from "./describe-step.ts";

const directory = {
  users: [{ username: "anna", displayName: "Anna Berg" }],
  groups: [{ key: "sales", name: "Sales reps" }],
};

describe("describeAssignment", () => {
  it("names a user by display name when the directory knows them", () => {
    expect(describeAssignment({ type: "user", user: "anna" }, directory)).toEqual({
      type: "user",
      short: "Anna Berg",
      long: "Anna Berg (anna)",
    });
    expect(describeAssignment({ type: "user", user: "bob" }, directory)).toMatchObject({ short: "bob", long: "User bob" });
  });
  it("says a group's members can claim the task", () => {
    expect(describeAssignment({ type: "group", group: "sales" }, directory).long).toBe(
      "Anyone in Sales reps (sales) can claim it",
    );
    expect(describeAssignment({ type: "group", group: "shipping" }).long).toBe("Anyone in group shipping can claim it");
  });
  it("shows the expression that picks the user", () => {
    const text = describeAssignment({ type: "expression", expression: "salesRep" });
    expect(text.short).toBe("salesRep");
    expect(text.long).toContain("salesRep");
  });
});

describe("durations", () => {
  it("reads ISO 8601 durations", () => {
    expect(parseIsoDuration("P1DT12H")).toMatchObject({ days: 1, hours: 12, minutes: 0 });
    expect(parseIsoDuration("PT1.5S")).toMatchObject({ seconds: 1.5 });
    expect(parseIsoDuration("P")).toBeNull();
    expect(parseIsoDuration("PT")).toBeNull();
    expect(parseIsoDuration("4 hours")).toBeNull();
  });
  it("says them in words", () => {
    expect(describeDuration("PT4H")).toBe("4 hours");
    expect(describeDuration("P1D")).toBe("1 day");
    expect(describeDuration("P1DT12H30M")).toBe("1 day, 12 hours and 30 minutes");
    expect(describeDuration("P2W")).toBe("2 weeks");
    expect(describeDuration("nonsense")).toBeNull();
  });
});

describe("describeDue", () => {
  it("covers every kind of due rule", () => {
    expect(describeDue(undefined)).toEqual({ short: "No due date", long: "No due date" });
    expect(describeDue({ type: "endOfDay", days: 0 }).short).toBe("Today");
    expect(describeDue({ type: "endOfDay", days: 0 }).long).toBe("By the end of the day the task is created");
    expect(describeDue({ type: "endOfDay", days: 1 }).short).toBe("1 day");
    expect(describeDue({ type: "endOfDay", days: 7 }).long).toBe("By the end of the day, 7 days after the task is created");
    expect(describeDue({ type: "duration", duration: "PT4H" })).toEqual({
      short: "4 hours",
      long: "Within 4 hours of the task being created",
    });
    expect(describeDue({ type: "duration", duration: "4h" }).long).toContain("not a valid duration");
    expect(describeDue({ type: "expression", expression: "followUpDate" }).long).toContain("followUpDate");
  });
});

describe("names", () => {
  it("labels kinds and field types for people", () => {
    expect(stepKindLabel("exclusiveGateway")).toBe("Decision (one path)");
    expect(stepKindLabel("parallelGateway")).toBe("Parallel (all paths)");
    expect(fieldTypeLabel("yesNo")).toBe("Yes / no");
  });
  it("falls back to kind and id for an unnamed step", () => {
    expect(stepDisplayName({ id: "g1", kind: "parallelGateway", name: "  " })).toBe("Parallel (all paths) (g1)");
    expect(stepDisplayName({ id: "t1", kind: "userTask", name: "Approve" })).toBe("Approve");
  });
});

describe("describeEscalations", () => {
  it("says each level's time and what happens, with display names", () => {
    const directory = { users: [], groups: [{ key: "managers", name: "Managers" }] };
    expect(
      describeEscalations(
        [
          { after: "PT0S", action: "remind" },
          { after: "P1D", action: "reassign", to: { type: "group", group: "managers" } },
        ],
        directory,
      ),
    ).toBe("At the due date: a reminder; 1 day after the due date: handed to Managers");
    expect(describeAfter("2 days")).toBe('"2 days" after the due date');
  });
});
