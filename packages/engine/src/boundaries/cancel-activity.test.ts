import { describe, expect, it } from "vitest";
import { indexGraph } from "../graph.ts";
import { Run } from "../run.ts";
import { approval, callActivity, chain, end, flow, inside, parallel, processOf, start, subProcess, task, timer } from "../test-support/process-builder.ts";
import { given } from "../test-support/scenario.ts";
import { cancelActivity } from "./cancel-activity.ts";

// Everything that can be running inside a sub-process: a task with a due
// date's escalation, a timer, a call, an approval round, a nested sub-process.
const busy = processOf(
  [
    start("s"),
    subProcess("outer"),
    ...inside(
      "outer",
      start("oStart"),
      parallel("fan"),
      task("review", { due: { type: "duration", duration: "P1D" }, escalations: [{ after: "PT0S", action: "remind" }] }),
      timer("wait", { duration: "P2D" }),
      callActivity("call", "other"),
      approval("vote", { type: "user", user: "dora" }),
      subProcess("inner"),
      end("oEnd"),
    ),
    ...inside("inner", start("iStart"), task("deep"), end("iEnd")),
    end("e"),
  ],
  [
    ...chain("s", "outer", "e"),
    flow("oStart", "fan"),
    ...["review", "wait", "call", "vote", "inner"].flatMap((id) => [flow("fan", id), flow(id, "oEnd")]),
    ...chain("iStart", "deep", "iEnd"),
  ],
);

describe("cancelling an activity", () => {
  it("at a sub-process ends everything inside it, nested scopes included", () => {
    const scenario = given(busy).whenStarted({});
    const state = structuredClone(scenario.state!);
    const outer = state.tokens.find((t) => t.stepId === "outer")!;
    let next = 100;
    const run = new Run(busy, indexGraph(busy), { now: scenario.now, newId: () => `c-${next++}` }, state);

    cancelActivity(run, outer, "interrupted");

    expect(run.state.tokens).toEqual([]);
    expect(run.state.timers).toEqual([]);
    expect(run.state.approvals).toEqual({});
    expect(run.state.incidents).toEqual([]);
    const kinds = run.commands.map((c) => `${c.type}:${"stepId" in c ? c.stepId : ""}`).sort();
    expect(kinds).toEqual(
      [
        "cancelTask:review",
        "cancelTask:vote",
        "cancelTask:deep",
        "cancelChild:call",
        ...scenario.state!.timers!.map(() => "cancelTimer:"),
      ].sort(),
    );
    expect(run.commands.find((c) => c.type === "cancelChild")).toMatchObject({ reason: "interrupted" });
  });
});
