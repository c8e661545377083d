import { FORM_SCHEMA_VERSION, type Step, type StepKind } from "@baton/model";
import { nodeSizes } from "../canvas/node-geometry.ts";

/**
 * A new step of each palette kind, complete enough to be saved: the draft
 * must always have the definition's shape (the server refuses anything
 * else), so required texts get a first value the analyst then changes.
 * New tasks go to whoever started the request (`initiator`), which runs as
 * is; the properties panel offers users and groups.
 */
export type StepDefaults = { processKey: string };

export function createStep(kind: StepKind, id: string, centre: { x: number; y: number }, defaults: StepDefaults): Step {
  const size = nodeSizes[kind];
  const position = { x: snap(centre.x - size.width / 2), y: snap(centre.y - size.height / 2) };
  const base = { id, position };
  const initiator = { type: "expression" as const, expression: "initiator" };
  switch (kind) {
    case "start":
      return { ...base, kind, name: "Start", starters: [] };
    case "end":
      return { ...base, kind, name: "End" };
    case "userTask":
      return { ...base, kind, name: "New task", assignment: initiator, form: { schemaVersion: FORM_SCHEMA_VERSION, blocks: [] } };
    case "exclusiveGateway":
      return { ...base, kind, name: "" };
    case "parallelGateway":
    case "inclusiveGateway":
      return { ...base, kind, name: "" };
    case "subProcess":
      return { ...base, kind, name: "Sub-process", size: { ...size } };
    case "approval":
      return { ...base, kind, name: "Approval", approvers: initiator, fourEyes: false, resultVariable: "approval" };
    case "timer":
      return { ...base, kind, name: "Wait", timer: { type: "duration", duration: "P1D" } };
    case "notify":
      return { ...base, kind, name: "Notify", recipients: initiator, subject: "Update on your request", message: "" };
    case "serviceCall":
      return {
        ...base,
        kind,
        name: "Call a service",
        request: { method: "GET", url: "https://", headers: [] },
        outputs: [],
        retries: 3,
        timeoutSeconds: 30,
      };
    case "callActivity":
      return { ...base, kind, name: "Call a process", processKey: defaults.processKey, inputs: [], outputs: [] };
    case "messageCatch":
      return { ...base, kind, name: "Wait for a message", message: { name: "message-name", correlationKey: "requestId" } };
    case "eventBasedGateway":
      return { ...base, kind, name: "" };
    case "boundaryEvent":
      throw new Error("a boundary event is added onto a step; use createBoundaryEvent");
  }
}

/** Positions land on a 10px grid, like moves by the arrow keys. */
function snap(n: number): number {
  return Math.round(n / 10) * 10;
}
