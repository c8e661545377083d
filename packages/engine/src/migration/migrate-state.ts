import { BOUNDARY_HOST_KINDS, type ProcessDefinition, type Step, variablesWritten } from "@baton/model";
import { scheduleBoundaryTimers } from "../boundaries/boundary-timers.ts";
import { indexGraph } from "../graph.ts";
import { Run } from "../run.ts";
import { runTokens } from "../run-tokens.ts";
import { type EngineCommand, type EngineEnv, type InstanceState, STATE_VERSION, type Timer, type Token } from "../types.ts";
import { nextFormSteps, variablesFormReads } from "./form-reads.ts";
import { kindWords, type StepMapping } from "./step-mapping.ts";

/**
 * Moving one running instance's state from version A of its process to
 * version B, purely: `(A, B, state, mapping, env) → new state + commands`,
 * or the reasons it cannot move. Nothing else changes meaning: variables,
 * token ids (so open tasks, their drafts and pending calls stay theirs),
 * votes cast, timers' due times.
 *
 * - Every waiting token (at a task, a vote, a timer, a call, a join, a
 *   sub-process or under an incident) needs a step of B of the same kind,
 *   inside the sub-process its scope's token maps to; a token waiting at a
 *   join needs the connection it arrived by to lead there in B as well. An
 *   approval in progress needs B's approval to vote the same way (one
 *   approver, in parallel, in turn), since the votes already cast count.
 * - Timers follow their step: a wait or an escalation moves with its token
 *   (an escalation level B's step does not have is cancelled); a boundary
 *   timer moves to B's event of the mapped id when that sits on the step
 *   its activity maps to, and is cancelled (`cancelTimer`) otherwise. Timer
 *   events that B has on an active step and A had not are armed as the
 *   engine arms them when an activity begins (counted from `env.now`).
 * - Joins and scopes are settled by B's paths once the tokens moved: an
 *   inclusive join whose missing branches nothing can reach in B goes on
 *   at once (its next tasks are among the commands), as after any step.
 * - Warnings, which do not stop the move: variables that the forms the
 *   instance meets next in B read, that only B's steps write, and the
 *   instance does not have.
 */
export type MovedToken = { tokenId: string; from: string; to: string };
export type StateMigration =
  | { ok: true; state: InstanceState; commands: EngineCommand[]; moved: MovedToken[]; warnings: string[] }
  | { ok: false; reasons: string[]; warnings: string[] };

export function migrateState(from: ProcessDefinition, to: ProcessDefinition, state: InstanceState, mapping: StepMapping, env: EngineEnv): StateMigration {
  if (state.stateVersion !== STATE_VERSION) return { ok: false, reasons: [`Its state has version ${String(state.stateVersion)}, which this engine does not read.`], warnings: [] };
  if (state.status === "completed") return { ok: false, reasons: ["It has completed; only running instances move."], warnings: [] };
  const a = new Map(from.steps.map((s) => [s.id, s]));
  const b = new Map(to.steps.map((s) => [s.id, s]));
  const name = (step: Step | undefined, id: string) => (step?.name ? `"${step.name}" (${id})` : `"${id}"`);
  const reasons: string[] = [];
  const target = (stepId: string): Step | undefined => {
    const id = mapping[stepId] ?? null;
    return id === null ? undefined : b.get(id);
  };

  const tokensById = new Map(state.tokens.map((t) => [t.id, t]));
  for (const token of state.tokens) {
    const here = a.get(token.stepId);
    const there = target(token.stepId);
    const what = `The work at ${name(here, token.stepId)}`;
    if (!here) reasons.push(`${what} is at a step version A does not have.`);
    else if (!there) reasons.push(`${what} has no step to go to in the new version; map it to a step of the same kind (${kindWords(here.kind)}).`);
    else if (there.kind !== here.kind) reasons.push(`${what} (${kindWords(here.kind)}) cannot move to ${name(there, there.id)} (${kindWords(there.kind)}).`);
    else {
      const scope = token.parentId === undefined ? undefined : tokensById.get(token.parentId);
      // Vote tokens belong to their approval's token, at the same step: no scope of their own.
      const isVote = scope !== undefined && scope.stepId === token.stepId && here.kind === "approval";
      const expectedParent = here.parent === undefined ? undefined : (mapping[here.parent] ?? null);
      if (!isVote && (there.parent ?? undefined) !== (expectedParent ?? undefined)) {
        reasons.push(`${what} lies ${here.parent ? `inside ${name(a.get(here.parent), here.parent)}` : "at the top level"}, but ${name(there, there.id)} lies ${there.parent ? `inside ${name(b.get(there.parent), there.parent)}` : "at the top level"} in the new version.`);
      }
      if ((here.kind === "parallelGateway" || here.kind === "inclusiveGateway") && token.via !== undefined) {
        const via = to.connections.find((c) => c.id === token.via);
        if (!via || via.target !== there.id) reasons.push(`${what} waits for other branches, but the connection it arrived by (${token.via}) does not lead to ${name(there, there.id)} in the new version.`);
      }
      const round = state.approvals?.[token.id];
      if (round && there.kind === "approval") {
        const mode = there.several ? there.several.mode : "single";
        if (mode !== round.mode) reasons.push(`${what} is an approval voted ${describeMode(round.mode)}, but the new version votes ${describeMode(mode)}; the votes cast could not count.`);
      }
    }
  }
  reasons.push(...eventsAfterGateways(state, mapping, a, b, to, name));
  for (const incident of state.incidents) {
    if (incident.tokenId !== undefined) continue; // moves with its token, checked above
    if (!target(incident.stepId)) reasons.push(`The open incident at ${name(a.get(incident.stepId), incident.stepId)} has no step in the new version; resolve it first.`);
  }
  const warnings = missingVariables(from, to, state, [...new Set(state.tokens.map((t) => mapping[t.stepId]).filter((id): id is string => typeof id === "string"))]);
  if (reasons.length) return { ok: false, reasons: [...new Set(reasons)], warnings };

  const next = structuredClone(state);
  const graphB = indexGraph(to);
  const run = new Run(to, graphB, env, next);
  const moved: MovedToken[] = [];
  for (const token of next.tokens) {
    const toId = mapping[token.stepId]!;
    if (toId !== token.stepId) moved.push({ tokenId: token.id, from: token.stepId, to: toId });
    token.stepId = toId;
  }
  for (const incident of next.incidents) incident.stepId = mapping[incident.stepId]!;
  for (const round of Object.values(next.approvals ?? {})) round.stepId = mapping[round.stepId]!;
  for (const subscription of next.messages ?? []) subscription.stepId = mapping[subscription.stepId]!;
  moveTimers(next, mapping, b, run);
  armNewBoundaries(next, run);
  // What waits on the others is settled again by B's paths: an inclusive join B no longer
  // lets anything reach fires now, and a sub-process with nothing left inside moves on.
  runTokens(run);
  return { ok: true, state: next, commands: run.commands, moved, warnings };
}

/**
 * What a token waits for besides its own step: the message waits it is
 * subscribed to (its own step, or those after its event gateway) and an
 * event gateway's timers. Each must map to a step of the same kind that,
 * after a gateway, still follows the gateway, and a message wait must wait
 * for the same message.
 */
function eventsAfterGateways(state: InstanceState, mapping: StepMapping, a: Map<string, Step>, b: Map<string, Step>, to: ProcessDefinition, name: (step: Step | undefined, id: string) => string): string[] {
  const reasons: string[] = [];
  const tokens = new Map(state.tokens.map((t) => [t.id, t]));
  const check = (tokenId: string, stepId: string, what: string, same: (there: Step) => boolean) => {
    const token = tokens.get(tokenId);
    const thereId = mapping[stepId] ?? null;
    const there = thereId === null ? undefined : b.get(thereId);
    const here = a.get(stepId);
    if (!there || here?.kind !== there.kind || !same(there)) {
      reasons.push(`It waits for ${what} at ${name(here, stepId)}, which has no step of the same kind${there ? ` (${name(there, there.id)} is not one)` : ""} in the new version.`);
      return;
    }
    if (token && token.stepId !== stepId) {
      const gateway = mapping[token.stepId];
      if (!to.connections.some((c) => c.source === gateway && c.target === there.id)) {
        reasons.push(`It waits at ${name(a.get(token.stepId), token.stepId)} for ${what}, but in the new version ${name(there, there.id)} does not follow that step.`);
      }
    }
  };
  for (const sub of state.messages ?? []) check(sub.tokenId, sub.stepId, `the message "${sub.name}"`, (there) => there.kind === "messageCatch" && there.message.name === sub.name);
  for (const timer of state.timers ?? []) if (timer.purpose.type === "event") check(timer.tokenId, timer.stepId, "a timer", (there) => there.kind === "timer");
  return reasons;
}

function describeMode(mode: "single" | "parallel" | "sequential"): string {
  return mode === "single" ? "by one approver" : mode === "parallel" ? "by several at once" : "by several in turn";
}

function moveTimers(state: InstanceState, mapping: StepMapping, b: Map<string, Step>, run: Run): void {
  const tokens = new Map(state.tokens.map((t) => [t.id, t]));
  const cancel: Timer[] = [];
  for (const timer of state.timers ?? []) {
    const token = tokens.get(timer.tokenId);
    if (timer.purpose.type === "boundary") {
      const event = b.get(mapping[timer.stepId] ?? "");
      if (!token || event?.kind !== "boundaryEvent" || event.trigger.type !== "timer" || event.attachedTo !== token.stepId) {
        cancel.push(timer);
        continue;
      }
      timer.stepId = event.id;
      timer.purpose = { ...timer.purpose, boundaryId: event.id };
      continue;
    }
    // A wait or escalation timer is at its token's step; an event gateway's at the timer step after it.
    const stepId = token && timer.purpose.type !== "event" ? token.stepId : (mapping[timer.stepId] ?? timer.stepId);
    timer.stepId = stepId;
    if (timer.purpose.type === "escalation") {
      const step = b.get(stepId);
      const levels = step && (step.kind === "userTask" || step.kind === "approval") ? (step.escalations?.length ?? 0) : 0;
      if (timer.purpose.level > levels) cancel.push(timer);
    }
  }
  for (const timer of cancel) {
    state.timers!.splice(state.timers!.indexOf(timer), 1);
    run.emit({ type: "cancelTimer", timerId: timer.id });
  }
}

/** Timer events on an active step that only the new version has: armed as on arrival (boundary-timers.ts). */
function armNewBoundaries(state: InstanceState, run: Run): void {
  const stuck = new Set(state.incidents.map((i) => i.tokenId));
  const byId = new Map(state.tokens.map((t) => [t.id, t]));
  for (const token of [...state.tokens]) {
    const step = run.graph.step(token.stepId);
    if (!BOUNDARY_HOST_KINDS.includes(step.kind) || stuck.has(token.id) || isVote(token, byId)) continue;
    if (run.graph.boundariesOf(step.id).length > 0) scheduleBoundaryTimers(token, step.id, run);
  }
}

function isVote(token: Token, byId: Map<string, Token>): boolean {
  return token.parentId !== undefined && byId.get(token.parentId)?.stepId === token.stepId;
}

/**
 * Warnings: what B's forms read next that the instance does not have and
 * could never have got on A, because only B has a step that writes it (a
 * variable A also writes, such as a later approval's result, is simply not
 * there yet, as it would not be on A either).
 */
function missingVariables(from: ProcessDefinition, to: ProcessDefinition, state: InstanceState, activeInB: string[]): string[] {
  const have = new Set(Object.keys(state.variables));
  const writtenByA = new Set(from.steps.flatMap(variablesWritten));
  const onlyB = new Set(to.steps.flatMap(variablesWritten).filter((v) => !writtenByA.has(v)));
  const warnings: string[] = [];
  for (const { stepId, name, form } of nextFormSteps(to, activeInB)) {
    const missing = variablesFormReads(form).filter((v) => onlyB.has(v) && !have.has(v));
    if (missing.length) {
      warnings.push(`The form of "${name}" (${stepId}) in the new version reads ${missing.map((m) => `"${m}"`).join(", ")}, which this instance does not have; it will show empty.`);
    }
  }
  return warnings;
}
