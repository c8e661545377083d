import { describeElement, elementName, listUnsupported, type ImportContext } from "./import-report.ts";
import { children, child, isA, type ModdleElement } from "./moddle.ts";
import { unsupportedReason } from "./unsupported-reasons.ts";

/**
 * A file may hold several processes (a collaboration of pools, called
 * processes, MIWG's multi-diagram models). Baton imports one: the one asked
 * for, else among the executable processes (all, when none says so) the one
 * with the most flow nodes. Every other process, pool and message flow is
 * listed with the reason, so the analyst can import them one by one.
 */
export function processesOf(definitions: ModdleElement): ModdleElement[] {
  return children(definitions, "rootElements").filter((e) => e.$type === "bpmn:Process");
}

export function pickProcess(definitions: ModdleElement, wantedId?: string): { process: ModdleElement } | { error: string } {
  const processes = processesOf(definitions);
  if (wantedId !== undefined) {
    const wanted = processes.find((p) => p.id === wantedId);
    if (wanted) return { process: wanted };
    const known = processes.map((p) => p.id).join(", ") || "none";
    return { error: `The file has no process with the id "${wantedId}" (its processes: ${known}).` };
  }
  if (processes.length === 0) {
    const pools = collaborationsOf(definitions).flatMap((c) => children(c, "participants"));
    return {
      error:
        pools.length > 0
          ? `The file has ${pools.length} pool${pools.length === 1 ? "" : "s"} but no process inside any of them: there is nothing Baton could run.`
          : "The file has no process: a BPMN file for Baton needs a <process> with steps.",
    };
  }
  const executable = processes.filter((p) => p.isExecutable === true);
  const candidates = executable.length > 0 ? executable : processes;
  return { process: candidates.reduce((best, p) => (flowNodeCount(p) > flowNodeCount(best) ? p : best)) };
}

/** The pool (participant) that shows the process, if any: its name may name the process. */
export function participantOf(definitions: ModdleElement, process: ModdleElement): ModdleElement | undefined {
  return collaborationsOf(definitions)
    .flatMap((c) => children(c, "participants"))
    .find((p) => child(p, "processRef") === process);
}

/** Lists every other process, pool, message flow and collaboration-level artifact. */
export function listOtherContent(ctx: ImportContext, definitions: ModdleElement, chosen: ModdleElement): void {
  const chosenName = describeElement(chosen);
  const poolOf = new Map<ModdleElement, ModdleElement>();
  for (const collaboration of collaborationsOf(definitions)) {
    for (const participant of children(collaboration, "participants")) {
      const process = child(participant, "processRef");
      if (process) poolOf.set(process, participant);
      if (process === chosen) {
        ctx.covered.add(participant);
        continue;
      }
      const what = process
        ? `a pool showing another process (${describeElement(process)}), listed on its own`
        : "a pool without a process (a black box for a partner)";
      listUnsupported(ctx, participant, `${what}; Baton imports one process per file (${chosenName})`);
    }
    for (const flow of children(collaboration, "messageFlows")) listUnsupported(ctx, flow, unsupportedReason(flow, String));
    for (const artifact of children(collaboration, "artifacts")) listUnsupported(ctx, artifact, unsupportedReason(artifact, String));
    for (const conversation of children(collaboration, "conversations")) {
      listUnsupported(ctx, conversation, "a conversation between pools; Baton processes do not exchange messages");
    }
    ctx.covered.add(collaboration);
  }
  for (const process of processesOf(definitions)) {
    if (process === chosen) continue;
    const pool = poolOf.get(process);
    const label = elementName(process) || (pool ? elementName(pool) : "");
    const count = flowNodeCount(process);
    listUnsupported(
      ctx,
      process,
      `another process${label ? ` ("${label}")` : ""} with ${count} element${count === 1 ? "" : "s"}; Baton imports one process per file and took ${chosenName}: import this one on its own by choosing its id`,
    );
  }
}

function collaborationsOf(definitions: ModdleElement): ModdleElement[] {
  return children(definitions, "rootElements").filter((e) => isA(e, "bpmn:Collaboration"));
}

function flowNodeCount(process: ModdleElement): number {
  return children(process, "flowElements").filter((e) => isA(e, "bpmn:FlowNode")).length;
}

