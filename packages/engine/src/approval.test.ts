import { describe, expect, it } from "vitest";
import type { CompletionRule } from "@baton/model";
import { voteRefusal } from "./approvals/approvers.ts";
import { approval, chain, decision, end, flow, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// Credit application, above the limit: the committee votes; the outcome decides.
const committee = (rule: CompletionRule, mode: "parallel" | "sequential" = "parallel") =>
  processOf(
    [
      start("apply"),
      approval("vote", { type: "group", group: "committee" }, { several: { mode, rule }, resultVariable: "committeeVote", due: { type: "duration", duration: "P2D" }, escalations: [{ after: "PT0S", action: "remind" }] }),
      decision("approved"),
      task("contract"),
      end("declined"),
      end("done"),
    ],
    [
      flow("apply", "vote"),
      flow("vote", "approved"),
      flow("approved", "contract", { condition: 'committeeVote.outcome = "approved"' }),
      flow("approved", "declined", { isDefault: true }),
      flow("contract", "done"),
    ],
  );
const members = { committee: ["ann", "ben", "cai", "dee", "eve"] };
const started = (rule: CompletionRule, mode: "parallel" | "sequential" = "parallel", by = "olga") =>
  given(committee(rule, mode)).withGroups(members).at("2024-05-06T09:00:00.000Z").whenStarted({ amount: 80_000 }, by);

describe("an approval by several people", () => {
  it("asks every member at once, and a majority decides without waiting for the rest", () => {
    const run = started({ type: "majority" });
    expect(run.created().map((t) => t.assignee)).toEqual(["ann", "ben", "cai", "dee", "eve"]);
    expect(run.timers).toHaveLength(5);

    run.whenVoted("vote", "ann", "approve", "Solid income");
    run.whenVoted("vote", "ben", "reject", "Too much debt");
    expect(run.openTaskSteps()).toEqual(["vote", "vote", "vote"]);
    run.whenVoted("vote", "cai", "approve");
    expect(run.openTaskSteps()).toEqual(["vote", "vote"]);
    run.whenVoted("vote", "dee", "approve", "Agreed");

    // Three of five: decided. Eve's task goes, with its reminder.
    expect(run.commands.filter((c) => c.type === "cancelTask")).toEqual([
      { type: "cancelTask", tokenId: expect.any(String), stepId: "vote", reason: "the approval was approved without this vote" },
    ]);
    expect(run.commands.filter((c) => c.type === "cancelTimer")).toHaveLength(2);
    expect(run.variables.committeeVote).toEqual({
      outcome: "approved",
      approvals: 3,
      rejections: 1,
      votes: [
        { by: "ann", decision: "approve", comment: "Solid income", at: "2024-05-06T09:00:00.000Z" },
        { by: "ben", decision: "reject", comment: "Too much debt", at: "2024-05-06T09:00:00.000Z" },
        { by: "cai", decision: "approve", comment: "", at: "2024-05-06T09:00:00.000Z" },
        { by: "dee", decision: "approve", comment: "Agreed", at: "2024-05-06T09:00:00.000Z" },
      ],
    });
    expect(run.openTaskSteps()).toEqual(["contract"]);
    expect(run.state!.approvals).toEqual({});
    expect(run.state!.approvedBy).toEqual(["ann", "ben", "cai", "dee"]);
  });

  it("rejects as soon as the majority can no longer be reached", () => {
    const run = started({ type: "majority" });
    run.whenVoted("vote", "ann", "reject").whenVoted("vote", "ben", "reject").whenVoted("vote", "cai", "approve");
    expect(run.status).toBe("running");
    run.whenVoted("vote", "dee", "reject");
    expect(run.variables.committeeVote).toMatchObject({ outcome: "rejected", approvals: 1, rejections: 3 });
    expect(run.status).toBe("completed");
  });

  it.each<[string, CompletionRule, ("approve" | "reject")[], "approved" | "rejected"]>([
    ["all: one rejection rejects", { type: "all" }, ["approve", "reject"], "rejected"],
    ["all: every approval approves", { type: "all" }, ["approve", "approve", "approve", "approve", "approve"], "approved"],
    ["any: one approval approves", { type: "any" }, ["reject", "approve"], "approved"],
    ["2 of 5", { type: "count", count: 2 }, ["approve", "reject", "approve"], "approved"],
    ["2 of 5, four rejections", { type: "count", count: 2 }, ["reject", "reject", "reject", "reject"], "rejected"],
    ["60 % quorum", { type: "percentage", percent: 60 }, ["approve", "approve", "reject", "approve"], "approved"],
    ["a FEEL rule over the votes", { type: "expression", expression: "approvals >= 2 and rejections = 0" }, ["approve", "approve"], "approved"],
    ["a FEEL rule, false once all voted", { type: "expression", expression: "approvals = total" }, ["approve", "approve", "approve", "approve", "reject"], "rejected"],
  ])("%s", (_title, rule, votes, outcome) => {
    const run = started(rule);
    const voters = members.committee;
    votes.forEach((v, i) => run.whenVoted("vote", voters[i]!, v));
    expect(run.variables.committeeVote).toMatchObject({ outcome });
    expect(run.state!.tokens.filter((t) => t.stepId === "vote")).toEqual([]);
  });

  it("asks one after the other when sequential, and stops at the first rejection under 'all'", () => {
    const run = started({ type: "all" }, "sequential");
    expect(run.created().map((t) => t.assignee)).toEqual(["ann"]);
    run.whenVoted("vote", "ann", "approve");
    expect(run.created().map((t) => t.assignee)).toEqual(["ben"]);
    run.whenVoted("vote", "ben", "reject", "No collateral");
    expect(run.variables.committeeVote).toMatchObject({ outcome: "rejected", votes: [{ by: "ann" }, { by: "ben", comment: "No collateral" }] });
    expect(run.history.filter((c) => c.type === "createTask" && c.stepId === "vote")).toHaveLength(2);
  });

  it("leaves the starter out under the four-eyes rule, and stops when nobody is left", () => {
    const run = started({ type: "majority" }, "parallel", "cai");
    expect(run.created().map((t) => t.assignee)).toEqual(["ann", "ben", "dee", "eve"]);

    const alone = given(committee({ type: "all" })).withGroups({ committee: ["olga"] }).whenStarted({}, "olga");
    expect(alone.status).toBe("incident");
    expect(alone.state!.incidents[0]!.message).toMatch(/no approver is left: the approvers \(olga\) started this request/);
  });
});

describe("a single approval", () => {
  const stages = processOf(
    [start("s"), approval("first", { type: "user", user: "dora" }), approval("second", { type: "expression", expression: "[\"dora\", \"ivan\"]" }, { resultVariable: "visa" }), end("e")],
    chain("s", "first", "second", "e"),
  );

  it("records one vote and excludes an earlier approver from a later approval", () => {
    const run = given(stages).whenStarted({}, "sam");
    run.whenVoted("first", "dora", "approve", "Fine");
    expect(run.variables.approval).toEqual({ outcome: "approved", approvals: 1, rejections: 0, votes: [expect.objectContaining({ by: "dora", comment: "Fine" })] });
    // Dora approved the first stage, so the visa goes to Ivan.
    expect(run.created()).toEqual([expect.objectContaining({ stepId: "second", assignee: "ivan" })]);
  });

  it("lets the runtime refuse a vote by the starter or a second vote", () => {
    const byGroup = processOf([start("s"), approval("ok", { type: "group", group: "managers" }), end("e")], chain("s", "ok", "e"));
    const run = given(byGroup).whenStarted({}, "sam");
    const { tokenId } = run.task("ok");
    const step = byGroup.steps[1] as Parameters<typeof voteRefusal>[0];
    expect(voteRefusal(step, run.state!, tokenId, "sam")).toBe("You started this request, so the four-eyes rule lets someone else approve it.");
    expect(voteRefusal(step, run.state!, tokenId, "sam", "Sam Sales")).toBe("Sam Sales started this request, so the four-eyes rule lets someone else approve it.");
    expect(voteRefusal(step, run.state!, tokenId, "mia")).toBeNull();
    expect(voteRefusal({ ...step, fourEyes: false }, run.state!, tokenId, "sam")).toBeNull();
  });

  it("refuses a vote without a decision", () => {
    const run = given(stages).whenStarted({}, "sam");
    expect(() => run.send({ type: "taskCompleted", tokenId: run.task("first").tokenId, data: { decision: "maybe" }, completedBy: "dora" })).toThrow(/"decision" to be "approve" or "reject"/);
  });
});
