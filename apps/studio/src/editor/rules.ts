import type { Connection, ProcessDefinition, Step, StepKind } from "@baton/model";

/**
 * "May I?" questions the canvas asks before it executes a command, each
 * answered with a reason an analyst can read. Apart from "do it" (the
 * command handlers), as in bpmn-js's BpmnRules. Validation reports what is
 * wrong with a whole draft; rules refuse an edit that can never be right.
 */
export type RuleVerdict = { ok: true } | { ok: false; reason: string };

const allow: RuleVerdict = { ok: true };
const refuse = (reason: string): RuleVerdict => ({ ok: false, reason });

/** Kinds that may have several ways out. */
const branching = new Set<StepKind>(["exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway"]);

/** The words a connection shows: label, else condition, else "otherwise" for a default. */
function hasWords(c: Connection): boolean {
  return Boolean(c.label?.trim() || c.condition?.trim() || c.isDefault);
}

function nameOf(step: Step): string {
  return step.name.trim() ? `“${step.name.trim()}”` : "this step";
}

export function canConnect(definition: ProcessDefinition, sourceId: string, targetId: string): RuleVerdict {
  return connectionRuleFrom(definition, sourceId)(targetId);
}

/**
 * The connection rule for one source step, worked out once, to ask of many
 * targets: listing every step a task may lead to stays linear in the size
 * of the process instead of checking the whole process once per step.
 */
export function connectionRuleFrom(definition: ProcessDefinition, sourceId: string): (targetId: string) => RuleVerdict {
  const stepsById = new Map<string, Step>();
  for (const s of definition.steps) if (!stepsById.has(s.id)) stepsById.set(s.id, s);
  const source = stepsById.get(sourceId);
  const outgoing = definition.connections.filter((c) => c.source === sourceId);
  const unlabelled = source?.kind === "exclusiveGateway" ? outgoing.find((c) => !hasWords(c)) : undefined;
  return (targetId) => {
    const target = stepsById.get(targetId);
    if (!source || !target) return refuse("Both ends must be steps on the canvas.");
    if (source.id === target.id) {
      return refuse("A step cannot lead back into itself. To repeat it, route the loop through a decision.");
    }
    if (target.kind === "start") return refuse("Nothing can lead into the start: the process begins there.");
    if (target.kind === "boundaryEvent") {
      return refuse(`Nothing can lead into ${nameOf(target)}: the step it sits on sets it off.`);
    }
    if (source.kind === "end") return refuse("Nothing can follow an end: the process stops there.");
    if (source.kind === "eventBasedGateway" && target.kind !== "messageCatch" && target.kind !== "timer") {
      return refuse(`After ${nameOf(source)} come only message waits and waits for a time: the first of them to happen wins.`);
    }
    if (outgoing.some((c) => c.target === target.id)) {
      return refuse(`${capital(nameOf(source))} is already connected to ${nameOf(target)}.`);
    }
    if (!branching.has(source.kind) && outgoing.length > 0) {
      return refuse(
        `${capital(nameOf(source))} already has its way out. To branch, put a decision or a parallel split after it.`,
      );
    }
    if (unlabelled) {
      const to = stepsById.get(unlabelled.target);
      return refuse(
        `Label the outcome that leads to ${to ? nameOf(to) : "the other step"} first: a decision cannot have two unlabelled outcomes.`,
      );
    }
    return allow;
  };
}

/** A process has exactly one start. */
export function canAddStep(definition: ProcessDefinition, kind: StepKind): RuleVerdict {
  if (kind === "start" && definition.steps.some((s) => s.kind === "start")) {
    return refuse("This process already has a start; a process begins at exactly one start.");
  }
  return allow;
}

function capital(text: string): string {
  return text.charAt(0) === "“" ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
