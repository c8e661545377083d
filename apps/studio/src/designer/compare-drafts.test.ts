import { describe, expect, it } from "vitest";
import { sampleProcess } from "../test/sample-process.ts";
import { compareDrafts, describeComparison } from "./compare-drafts.ts";

describe("compareDrafts", () => {
  it("names the steps only one side has and counts changed ones", () => {
    const mine = sampleProcess();
    mine.steps = mine.steps.filter((s) => s.id !== "lost");
    mine.steps[1]!.name = "Call them";
    const theirs = sampleProcess();
    const c = compareDrafts(mine, theirs);
    expect(c).toEqual({ onlyMine: [], onlyTheirs: ["Not interested"], changed: ["Call them (theirs: Call back the prospect)"], same: false });
    expect(describeComparison(c)).toEqual(["Only in theirs: Not interested.", "Changed in one of them: Call them (theirs: Call back the prospect)."]);
    expect(describeComparison(compareDrafts(theirs, sampleProcess()))).toEqual(["Both are the same."]);
  });
});
