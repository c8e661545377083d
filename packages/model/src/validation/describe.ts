import type { Connection, Step, StepKind } from "../process-definition.ts";
import type { CheckContext } from "./context.ts";

/** How problem messages name things: the words an analyst sees on the canvas. */
export const kindNouns: Record<StepKind, string> = {
  start: "Start",
  userTask: "Task",
  exclusiveGateway: "Decision",
  parallelGateway: "Parallel gateway",
  inclusiveGateway: "Inclusive gateway",
  subProcess: "Sub-process",
  end: "End",
  approval: "Approval",
  timer: "Wait",
  notify: "Notification",
  serviceCall: "Service call",
  callActivity: "Call of another process",
  boundaryEvent: "Event",
  messageCatch: "Message wait",
  eventBasedGateway: "Event gateway",
};

/** `Decision "Outcome?"`; a step without a name is named by its id. */
export function describeStep(step: Step): string {
  return `${nounOf(step)} "${step.name.trim() || step.id}"`;
}

function nounOf(step: Step): string {
  if (step.kind === "boundaryEvent") return step.trigger.type === "timer" ? "Timer event" : "Error event";
  if (step.kind === "end" && step.error) return "Error end";
  return kindNouns[step.kind];
}

/** `Connection "Converted" from Task "Call back" to End "Done"`. */
export function describeConnection(ctx: CheckContext, connection: Connection): string {
  const end = (id: string) => {
    const step = ctx.stepsById.get(id);
    return step ? describeStep(step) : `"${id}"`;
  };
  const label = connection.label?.trim();
  const name = label ? `Connection "${label}"` : "The connection";
  return `${name} from ${end(connection.source)} to ${end(connection.target)}`;
}

/** "Task …" → "task …", to go inside a sentence. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
