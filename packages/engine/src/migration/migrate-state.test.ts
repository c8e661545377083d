import { describe, expect, it } from "vitest";
import type { ProcessDefinition } from "@baton/model";
import { approval, boundaryTimer, chain, end, eventGateway, flow, inclusive, inside, messageCatch, parallel, processOf, serviceCall, start, subProcess, task, timer } from "../test-support/process-builder.ts";
import { given, type Scenario } from "../test-support/scenario.ts";
import type { EngineEnv, InstanceState } from "../types.ts";
import { migrateState } from "./migrate-state.ts";
import { resolveStepMapping, type StepMapping } from "./step-mapping.ts";

const env: EngineEnv = { now: "2024-04-01T10:00:00.000Z", newId: (() => { let n = 0; return () => `m-${++n}`; })() };

/** Resolves the mapping (proposal plus choices) and migrates, on a frozen state so nothing may mutate the input. */
function migrate(from: ProcessDefinition, to: ProcessDefinition, state: InstanceState, chosen: StepMapping = {}) {
  const resolved = resolveStepMapping(from, to, chosen);
  if (!resolved.ok) throw new Error(resolved.problems.join("; "));
  const input = deepFreeze(structuredClone(state));
  return migrateState(from, to, input, resolved.mapping, env);
}

/** The scenario goes on with version `to` from the migrated state, its open tasks re-pointed like the runtime does. */
function continueOn(to: ProcessDefinition, run: Scenario, state: InstanceState, mapping: StepMapping): Scenario {
  const next = given(to).at(env.now);
  next.state = state;
  next.openTasks.push(...run.openTasks.map((t) => ({ ...t, stepId: mapping[t.stepId] ?? t.stepId })));
  return next;
}

describe("migrating a running instance's state", () => {
  const v1 = processOf([start("s"), task("review", { name: "Review" }), task("resolve"), end("e")], chain("s", "review", "resolve", "e"));

  it("moves a token at a user task to B's task of the same id, and B's next stage runs after it", () => {
    const v2 = processOf([start("s"), task("review"), task("check", { name: "Quality check" }), task("resolve"), end("e")], chain("s", "review", "check", "resolve", "e"));
    const run = given(v1).whenStarted();
    const moved = migrate(v1, v2, run.state!);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.state.tokens.map((t) => t.stepId)).toEqual(["review"]);
    expect(moved.moved).toEqual([]);
    const on = continueOn(v2, run, moved.state, {}).whenCompleted("review");
    expect(on.created().map((t) => t.stepId)).toEqual(["check"]);
  });

  it("moves a token to a renamed step the admin chose, keeping the token's id (its task and draft stay its own)", () => {
    const v2 = processOf([start("s"), task("triage"), task("resolve"), end("e")], chain("s", "triage", "resolve", "e"));
    const run = given(v1).whenStarted();
    const tokenId = run.state!.tokens[0]!.id;
    expect(migrate(v1, v2, run.state!)).toMatchObject({ ok: false, reasons: [expect.stringContaining(`"Review" (review) has no step to go to`)] });
    const moved = migrate(v1, v2, run.state!, { review: "triage" });
    expect(moved).toMatchObject({ ok: true, moved: [{ tokenId, from: "review", to: "triage" }] });
    if (!moved.ok) return;
    expect(moved.state.tokens).toEqual([expect.objectContaining({ id: tokenId, stepId: "triage" })]);
    expect(continueOn(v2, run, moved.state, { review: "triage" }).whenCompleted("triage").created().map((t) => t.stepId)).toEqual(["resolve"]);
  });

  it("refuses a step of another kind, and names every problem with the choices at once", () => {
    const v2 = processOf([start("s"), timer("review", { duration: "PT1H" }), task("resolve"), end("e")], chain("s", "review", "resolve", "e"));
    const run = given(v1).whenStarted();
    expect(migrate(v1, v2, run.state!)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/has no step to go to in the new version; map it to a step of the same kind \(a task\)/)] });
    const bad = resolveStepMapping(v1, v2, { review: "review", nowhere: "resolve", resolve: "gone" });
    expect(bad).toEqual({
      ok: false,
      problems: [
        expect.stringContaining(`"review" (a task) cannot become "review" (a timer)`),
        expect.stringContaining(`names the step "nowhere"`),
        expect.stringContaining(`mapped to "gone", which the target version does not have`),
      ],
    });
  });

  it("refuses a completed instance", () => {
    const run = given(v1).whenStarted().whenCompleted("review").whenCompleted("resolve");
    expect(migrate(v1, v1, run.state!)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/completed/)] });
  });

  it("moves parallel branches and a token waiting at the join when its connection leads there in B", () => {
    const steps = [start("s"), parallel("split"), task("left"), task("right"), parallel("join"), task("after"), end("e")];
    const conns = [flow("s", "split"), flow("split", "left"), flow("split", "right"), flow("left", "join"), flow("right", "join"), ...chain("join", "after", "e")];
    const a = processOf(steps, conns);
    const run = given(a).whenStarted().whenCompleted("left");
    expect(run.state!.tokens.map((t) => t.stepId).sort()).toEqual(["join", "right"]);
    const renamedBranch = processOf(
      [start("s"), parallel("split"), task("left2"), task("right"), parallel("join"), task("after"), end("e")],
      [flow("s", "split"), flow("split", "left2"), flow("split", "right"), flow("left2", "join"), flow("right", "join"), ...chain("join", "after", "e")],
    );
    // The token at the join came by left->join, which B does not have: the join could not count it.
    expect(migrate(a, renamedBranch, run.state!)).toMatchObject({ ok: false, reasons: [expect.stringContaining("the connection it arrived by (left->join)")] });
    const same = migrate(a, a, run.state!);
    expect(same.ok).toBe(true);
    if (!same.ok) return;
    expect(continueOn(a, run, same.state, {}).whenCompleted("right").created().map((t) => t.stepId)).toEqual(["after"]);
  });

  it("keeps tokens inside a sub-process in the mapped sub-process, and refuses moving them out of it", () => {
    const a = processOf(
      [start("s"), subProcess("equip"), ...inside("equip", start("in"), task("laptop"), end("out")), task("welcome"), end("e")],
      [...chain("s", "equip", "welcome", "e"), ...chain("in", "laptop", "out")],
    );
    const b = processOf(
      [start("s"), subProcess("equipment"), ...inside("equipment", start("in"), task("computer"), end("out")), task("laptop"), task("welcome"), end("e")],
      [...chain("s", "equipment", "laptop", "welcome", "e"), ...chain("in", "computer", "out")],
    );
    const run = given(a).whenStarted();
    // laptop exists in B, but at the top level: the token would leave its scope.
    expect(migrate(a, b, run.state!, { equip: "equipment" })).toMatchObject({ ok: false, reasons: [expect.stringContaining(`lies inside "Sub equip" (equip), but "Do laptop" (laptop) lies at the top level`)] });
    const moved = migrate(a, b, run.state!, { equip: "equipment", laptop: "computer", in: "in", out: "out" });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    const mapping = { equip: "equipment", laptop: "computer" };
    const on = continueOn(b, run, moved.state, mapping).whenCompleted("computer");
    expect(on.created().map((t) => t.stepId)).toEqual(["laptop"]);
  });

  it("keeps the votes of a multi-person approval in progress when B votes the same way, and refuses otherwise", () => {
    const several = { mode: "parallel" as const, rule: { type: "majority" as const } };
    const a = processOf([start("s"), approval("visa", { type: "group", group: "board" }, { several }), task("pay"), end("e")], chain("s", "visa", "pay", "e"));
    const run = given(a).withGroups({ board: ["ann", "ben", "cid"] }).whenStarted().whenVoted("visa", "ann", "approve");
    const b = processOf([start("s"), approval("signoff", { type: "group", group: "board" }, { several }), task("pay"), end("e")], chain("s", "signoff", "pay", "e"));
    const moved = migrate(a, b, run.state!, { visa: "signoff" });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    const [round] = Object.values(moved.state.approvals!);
    expect(round).toMatchObject({ stepId: "signoff", votes: [expect.objectContaining({ by: "ann" })], open: expect.any(Array) });
    expect(moved.state.tokens.every((t) => t.stepId === "signoff")).toBe(true);
    const on = continueOn(b, run, moved.state, { visa: "signoff" });
    on.members = { board: ["ann", "ben", "cid"] };
    on.whenVoted("signoff", "ben", "approve");
    expect(on.created().map((t) => t.stepId)).toEqual(["pay"]);
    expect(on.variables.approval).toMatchObject({ outcome: "approved", approvals: 2 });

    const single = processOf([start("s"), approval("visa", { type: "user", user: "ann" }), task("pay"), end("e")], chain("s", "visa", "pay", "e"));
    expect(migrate(a, single, run.state!)).toMatchObject({ ok: false, reasons: [expect.stringContaining("voted by several at once, but the new version votes by one approver")] });
  });

  it("moves a waiting timer step with its due time and its job's step", () => {
    const a = processOf([start("s"), timer("cool", { duration: "P1D" }), task("call"), end("e")], chain("s", "cool", "call", "e"));
    const b = processOf([start("s"), timer("coolDown", { duration: "P2D" }), task("call"), end("e")], chain("s", "coolDown", "call", "e"));
    const run = given(a).whenStarted();
    const [before] = run.state!.timers!;
    const moved = migrate(a, b, run.state!, { cool: "coolDown" });
    expect(moved.ok && moved.state.timers).toEqual([{ ...before, stepId: "coolDown" }]);
    expect(moved.ok && moved.commands).toEqual([]);
    if (!moved.ok) return;
    const on = continueOn(b, run, moved.state, {}).advanceTo("2024-03-30T09:00:00.000Z");
    expect(on.created().map((t) => t.stepId)).toEqual(["call"]);
  });

  it("cancels a boundary timer B no longer has, and arms one that only B has on the active task", () => {
    const a = processOf(
      [start("s"), task("work"), boundaryTimer("late", "work", { duration: "PT4H" }), task("chase"), end("e"), end("e2")],
      [...chain("s", "work", "e"), ...chain("late", "chase", "e2")],
    );
    const b = processOf(
      [start("s"), task("work"), boundaryTimer("sla", "work", { duration: "P1D" }, false), task("warn"), end("e"), end("e2")],
      [...chain("s", "work", "e"), ...chain("sla", "warn", "e2")],
    );
    const run = given(a).whenStarted();
    const [late] = run.state!.timers!;
    const moved = migrate(a, b, run.state!);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    const armed = moved.state.timers!;
    expect(armed).toEqual([expect.objectContaining({ stepId: "sla", tokenId: late!.tokenId, dueAt: "2024-04-02T10:00:00.000Z", purpose: { type: "boundary", boundaryId: "sla", fired: 0 } })]);
    expect(moved.commands).toEqual([{ type: "cancelTimer", timerId: late!.id }, { type: "scheduleTimer", timer: armed[0] }]);
    // A boundary event kept by id stays armed as it was (its deadline does not move).
    const kept = migrate(a, a, run.state!);
    expect(kept.ok && kept.state.timers).toEqual(run.state!.timers);
    expect(kept.ok && kept.commands).toEqual([]);
  });

  it("moves escalation timers with their task and cancels the levels B's task does not have", () => {
    const levels = [{ after: "PT0S", action: "remind" as const }, { after: "P1D", action: "remind" as const }];
    const a = processOf([start("s"), task("work", { due: { type: "duration", duration: "P1D" }, escalations: levels }), end("e")], chain("s", "work", "e"));
    const b = processOf([start("s"), task("job", { due: { type: "duration", duration: "P1D" }, escalations: levels.slice(0, 1) }), end("e")], chain("s", "job", "e"));
    const run = given(a).whenStarted();
    const moved = migrate(a, b, run.state!, { work: "job" });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    const second = run.state!.timers!.find((t) => t.purpose.type === "escalation" && t.purpose.level === 2)!;
    expect(moved.state.timers!.map((t) => [t.stepId, t.purpose])).toEqual([["job", { type: "escalation", level: 1 }]]);
    expect(moved.commands).toEqual([{ type: "cancelTimer", timerId: second.id }]);
  });

  it("moves a token waiting for a service call's answer", () => {
    const call = serviceCall("score", { method: "GET", url: "https://crm.example/score" });
    const a = processOf([start("s"), call, task("decide"), end("e")], chain("s", "score", "decide", "e"));
    const run = given(a).whenStarted();
    const moved = migrate(a, a, run.state!);
    expect(moved.ok && moved.state.tokens.map((t) => t.stepId)).toEqual(["score"]);
    const toTask = processOf([start("s"), task("score"), task("decide"), end("e")], chain("s", "score", "decide", "e"));
    expect(migrate(a, toTask, run.state!)).toMatchObject({ ok: false });
  });

  it("moves a token at an event gateway with its message subscription and timer, when B still offers both after it", () => {
    const gatewayOf = (ids: { paid: string; late: string }, message = "payment") =>
      processOf(
        [start("s"), eventGateway("await"), messageCatch(ids.paid, message, "order"), timer(ids.late, { duration: "P7D" }), task("ship"), task("remind"), end("e1"), end("e2")],
        [flow("s", "await"), flow("await", ids.paid), flow("await", ids.late), ...chain(ids.paid, "ship", "e1"), ...chain(ids.late, "remind", "e2")],
      );
    const a = gatewayOf({ paid: "paid", late: "late" });
    const run = given(a).whenStarted({ order: "A-1" });
    expect(run.state!.messages).toEqual([expect.objectContaining({ stepId: "paid", name: "payment", key: "A-1" })]);
    const b = gatewayOf({ paid: "paymentIn", late: "tooLate" });
    expect(migrate(a, b, run.state!)).toMatchObject({ ok: false, reasons: [expect.stringContaining(`the message "payment" at "Wait for payment" (paid)`), expect.stringContaining(`a timer at "Wait late" (late)`)] });
    const moved = migrate(a, b, run.state!, { paid: "paymentIn", late: "tooLate" });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.state.messages).toEqual([expect.objectContaining({ stepId: "paymentIn", key: "A-1" })]);
    expect(moved.state.timers).toEqual([expect.objectContaining({ stepId: "tooLate", purpose: { type: "event" } })]);
    expect(continueOn(b, run, moved.state, {}).whenMessage("payment", "A-1").created().map((t) => t.stepId)).toEqual(["ship"]);
    // Another message name would never come for the subscription.
    expect(migrate(a, gatewayOf({ paid: "paid", late: "late" }, "refund"), run.state!)).toMatchObject({ ok: false, reasons: [expect.stringContaining(`the message "payment"`)] });
  });

  it("warns about variables the next forms of B read that the instance lacks", () => {
    const display = { schemaVersion: 1 as const, blocks: [{ id: "p", type: "display" as const, label: "Priority", variable: "priority" }] };
    const askPriority = { schemaVersion: 1 as const, blocks: [{ id: "f", type: "text" as const, key: "priority", label: "Priority", required: false }] };
    const b = processOf([start("s", { form: askPriority }), task("review"), task("resolve", { form: display }), end("e")], chain("s", "review", "resolve", "e"));
    const run = given(v1).whenStarted({ subject: "Printer" });
    const moved = migrate(v1, b, run.state!);
    expect(moved).toMatchObject({ ok: true, warnings: [expect.stringContaining(`"Do resolve" (resolve) in the new version reads "priority"`)] });
    // A variable version A writes too is only not there yet, as it would not be on A: no warning.
    const aAsks = processOf([start("s", { form: askPriority }), task("review", { name: "Review" }), task("resolve"), end("e")], chain("s", "review", "resolve", "e"));
    expect(migrate(aAsks, b, given(aAsks).whenStarted({}).state!)).toMatchObject({ ok: true, warnings: [] });
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe("an inclusive join waiting when the instance moves", () => {
  const order = (invoiceTo: string) =>
    processOf(
      [start("s"), inclusive("split"), task("pack"), task("invoice"), inclusive("join"), task("ship"), end("e"), end("filed")],
      [
        flow("s", "split"),
        flow("split", "pack"),
        flow("split", "invoice", { condition: "billed" }),
        flow("pack", "join"),
        flow("invoice", invoiceTo),
        ...chain("join", "ship", "e"),
      ],
    );
  const v1 = order("join");
  const packed = () => given(v1).whenStarted({ billed: true }).whenCompleted("pack");

  it("goes on at once when the new version no longer sends the missing branch to it", () => {
    const run = packed();
    expect(run.openTaskSteps()).toEqual(["invoice"]);
    const moved = migrate(v1, order("filed"), run.state!);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.commands.filter((c) => c.type === "createTask").map((c) => c.stepId)).toEqual(["ship"]);
    expect(moved.state.tokens.map((t) => t.stepId).sort()).toEqual(["invoice", "ship"]);
  });

  it("keeps waiting when the new version still sends it there", () => {
    const moved = migrate(v1, order("join"), packed().state!);
    expect(moved.ok && moved.commands.filter((c) => c.type === "createTask")).toEqual([]);
    expect(moved.ok && moved.state.tokens.map((t) => t.stepId).sort()).toEqual(["invoice", "join"]);
  });
});
