import { describe, expect, it, vi } from "vitest";
import { followDraft, outdatedDrafts } from "./follow-drafts.ts";
import type { FormBlockUsage } from "./form-blocks-api.ts";

const usage: FormBlockUsage = {
  drafts: [
    { processKey: "open-one", name: "Open here", draftVersion: 3, uses: [{ stepId: "s", sectionId: "a", version: 1 }] },
    { processKey: "loan", name: "Loan", draftVersion: 7, uses: [{ stepId: "start", sectionId: "x", version: 1 }, { stepId: "check", sectionId: "y", version: 2 }, { stepId: "check", sectionId: "z", version: 3 }] },
    { processKey: "current", name: "Current", draftVersion: 2, uses: [{ stepId: "start", sectionId: "q", version: 3 }] },
  ],
  published: [{ processKey: "loan", name: "Loan", version: 1, uses: [{ stepId: "start", sectionId: "x", version: 1 }] }],
};

describe("following a new form block version in other drafts", () => {
  it("lists only other drafts with sections on an older version", () => {
    expect(outdatedDrafts(usage, 3, "open-one")).toEqual([
      { processKey: "loan", name: "Loan", draftVersion: 7, sections: [{ stepId: "start", sectionId: "x", version: 1 }, { stepId: "check", sectionId: "y", version: 2 }] },
    ]);
  });

  it("updates each section on the draft version the previous update answered", async () => {
    const follow = vi.fn(async (r: { draftVersion: number }) => ({ draftVersion: r.draftVersion + 1 }));
    const [loan] = outdatedDrafts(usage, 3, "open-one");
    expect(await followDraft(loan!, follow)).toEqual({ ok: true, sections: 2 });
    expect(follow.mock.calls.map(([r]) => r)).toEqual([
      { processKey: "loan", draftVersion: 7, stepId: "start", sectionId: "x" },
      { processKey: "loan", draftVersion: 8, stepId: "check", sectionId: "y" },
    ]);
  });

  it("stops at a stale draft and says why", async () => {
    const follow = vi.fn(async () => {
      throw new Error('The draft of "Loan" was saved elsewhere.');
    });
    const [loan] = outdatedDrafts(usage, 3, undefined).filter((d) => d.processKey === "loan");
    expect(await followDraft(loan!, follow)).toEqual({ ok: false, message: 'The draft of "Loan" was saved elsewhere.', sections: 0 });
    expect(follow).toHaveBeenCalledTimes(1);
  });
});
