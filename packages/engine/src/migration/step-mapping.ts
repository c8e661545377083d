import type { ProcessDefinition, Step } from "@baton/model";

/**
 * Which step of version B each step of version A becomes when running
 * instances move from A to B: `null` means none (an instance with work at
 * that step cannot move). Keyed by A's step ids.
 */
export type StepMapping = Record<string, string | null>;

/** A step of A with no counterpart of the same id and kind in B: the admin chooses. */
export type MappingChoice = {
  stepId: string;
  name: string;
  kind: Step["kind"];
  /** Steps of B it may become (same kind, and a boundary event on the same kind of host). */
  options: { id: string; name: string }[];
};

export type ProposedMapping = { mapping: StepMapping; choices: MappingChoice[] };

/** Step kinds as the studio's palette names them. */
const KIND_WORDS: Partial<Record<Step["kind"], string>> = {
  userTask: "a task",
  approval: "an approval",
  timer: "a timer",
  serviceCall: "a service call",
  callActivity: "a call of another process",
  subProcess: "a sub-process",
  messageCatch: "a message wait",
  parallelGateway: "a join of parallel paths",
  inclusiveGateway: "a join of paths by condition",
  eventBasedGateway: "a wait for the first event",
  exclusiveGateway: "a decision",
};
export const kindWords = (kind: Step["kind"]): string => KIND_WORDS[kind] ?? kind;

/** Steps map only to steps of the same kind: a user task stays a user task, a timer a timer. */
export function compatibleKinds(from: Step, to: Step): boolean {
  return from.kind === to.kind;
}

/**
 * The proposal: a step keeps its id when B has a step with that id and a
 * compatible kind; every other step of A maps to none and is listed with
 * the steps of B it could become instead.
 */
export function proposeStepMapping(from: ProcessDefinition, to: ProcessDefinition): ProposedMapping {
  const inB = new Map(to.steps.map((s) => [s.id, s]));
  const mapping: StepMapping = {};
  const choices: MappingChoice[] = [];
  for (const step of from.steps) {
    const same = inB.get(step.id);
    if (same && compatibleKinds(step, same)) {
      mapping[step.id] = same.id;
      continue;
    }
    mapping[step.id] = null;
    choices.push({
      stepId: step.id,
      name: step.name || step.id,
      kind: step.kind,
      options: to.steps.filter((s) => compatibleKinds(step, s)).map((s) => ({ id: s.id, name: s.name || s.id })),
    });
  }
  return { mapping, choices };
}

/**
 * The mapping to apply: the proposal, with the admin's choices (`chosen`)
 * on top. Returns every problem with the choices at once: a step A does
 * not have, a step B does not have, or a step of another kind.
 */
export function resolveStepMapping(
  from: ProcessDefinition,
  to: ProcessDefinition,
  chosen: StepMapping = {},
): { ok: true; mapping: StepMapping } | { ok: false; problems: string[] } {
  const inA = new Map(from.steps.map((s) => [s.id, s]));
  const inB = new Map(to.steps.map((s) => [s.id, s]));
  const problems: string[] = [];
  const { mapping } = proposeStepMapping(from, to);
  for (const [fromId, toId] of Object.entries(chosen)) {
    const a = inA.get(fromId);
    if (!a) {
      problems.push(`The mapping names the step "${fromId}", which the version migrated from does not have.`);
      continue;
    }
    if (toId === null) {
      mapping[fromId] = null;
      continue;
    }
    const b = inB.get(toId);
    if (!b) problems.push(`The step "${fromId}" is mapped to "${toId}", which the target version does not have.`);
    else if (!compatibleKinds(a, b)) problems.push(`The step "${fromId}" (${kindWords(a.kind)}) cannot become "${toId}" (${kindWords(b.kind)}): a step maps only to one of the same kind.`);
    else mapping[fromId] = toId;
  }
  return problems.length ? { ok: false, problems } : { ok: true, mapping };
}
