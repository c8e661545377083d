import type { BoundaryTrigger, StartTrigger, Step, TimerStep } from "../process-definition.ts";
import { isIsoInstant, parseStartCycle } from "../validation/start-cycle.ts";
import { parseTimerCycle } from "../validation/timer-cycle.ts";
import { conditionBody } from "./conditions.ts";
import type { IdAllocator } from "./id-allocator.ts";
import { juelBody } from "./juel-to-feel.ts";
import { child, children, text, type ModdleElement } from "./moddle.ts";

/**
 * Timer, error and message event definitions, both ways. A timer writes
 * its duration as `timeDuration`, its FEEL date as `timeDate` (`= expr`, as
 * Zeebe reads it) and a cycle as `timeCycle` (`R3/PT1H`); a timer start its
 * cycle as `timeCycle` and its date as a plain ISO `timeDate`. An error end
 * or an error boundary event refers to a `bpmn:Error` root element whose
 * `errorCode` is the code; one per code, shared by thrower and catcher. A
 * message wait or message start refers to a `bpmn:Message` root element
 * named by the message; one per name.
 */
type Create = (type: string, props?: Record<string, unknown>) => ModdleElement;
type Timer = TimerStep["timer"] | Extract<BoundaryTrigger, { type: "timer" }>["timer"];

export function timerDefinition(create: Create, timer: Timer): ModdleElement {
  const [property, body] =
    timer.type === "duration" ? ["timeDuration", timer.duration] : timer.type === "date" ? ["timeDate", conditionBody(timer.expression)] : ["timeCycle", timer.cycle];
  return create("bpmn:TimerEventDefinition", { [property]: create("bpmn:FormalExpression", { body }) });
}

/** The file's `bpmn:Error` and `bpmn:Message` elements, one per code or name, created as steps ask for them. */
export class RootRefs {
  private readonly byKey = new Map<string, ModdleElement>();

  constructor(
    private readonly create: Create,
    private readonly ids: IdAllocator,
  ) {}

  /** An error event definition naming `code`; none (catch any) when the code is empty. */
  error(code: string | undefined): ModdleElement {
    const trimmed = code?.trim();
    if (!trimmed) return this.create("bpmn:ErrorEventDefinition");
    return this.create("bpmn:ErrorEventDefinition", { errorRef: this.shared("Error", trimmed, { errorCode: trimmed }) });
  }

  /** A message event definition for the message `name`; none named when it is blank. */
  message(name: string): ModdleElement {
    const trimmed = name.trim();
    if (!trimmed) return this.create("bpmn:MessageEventDefinition");
    return this.create("bpmn:MessageEventDefinition", { messageRef: this.shared("Message", trimmed, {}) });
  }

  private shared(type: "Error" | "Message", name: string, props: Record<string, unknown>): ModdleElement {
    const key = `${type}:${name}`;
    let element = this.byKey.get(key);
    if (!element) {
      element = this.create(`bpmn:${type}`, { id: this.ids.claim(`${type}_${name}`, type), name, ...props });
      this.byKey.set(key, element);
    }
    return element;
  }

  get elements(): ModdleElement[] {
    return [...this.byKey.values()];
  }
}

/** The event definitions of a step that has them (waits, boundary events, error ends). */
export function eventDefinitionsOf(step: Step, create: Create, refs: RootRefs): ModdleElement[] | undefined {
  if (step.kind === "timer") return [timerDefinition(create, step.timer)];
  if (step.kind === "end" && step.error) return [refs.error(step.error.code)];
  if (step.kind === "messageCatch") return [refs.message(step.message.name)];
  if (step.kind === "start" && step.trigger) return [startTriggerDefinition(create, refs, step.trigger)];
  if (step.kind !== "boundaryEvent") return undefined;
  return [step.trigger.type === "timer" ? timerDefinition(create, step.trigger.timer) : refs.error(step.trigger.errorCode)];
}

function startTriggerDefinition(create: Create, refs: RootRefs, trigger: StartTrigger): ModdleElement {
  if (trigger.type === "message") return refs.message(trigger.message);
  const [property, body] = trigger.timer.type === "cycle" ? ["timeCycle", trigger.timer.cycle] : ["timeDate", trigger.timer.date];
  return create("bpmn:TimerEventDefinition", { [property]: create("bpmn:FormalExpression", { body }) });
}

/** The name of the message a message event definition refers to (its `bpmn:Message`'s name, else its id). */
export function readMessageName(def: ModdleElement | undefined): string | undefined {
  const message = child(def, "messageRef");
  return (text(message, "name") ?? text(message, "id"))?.trim() || undefined;
}

export type StartTriggerReading = { trigger: StartTrigger } | { refused: string } | undefined;

/** A start's message or timer definition as a Baton start trigger; a timer Baton cannot read is refused with the reason. */
export function readStartTrigger(def: ModdleElement, label: string): StartTriggerReading {
  if (def.$type === "bpmn:MessageEventDefinition") {
    const name = readMessageName(def);
    if (name?.startsWith("=")) return { refused: `${label} starts on a message whose name is an expression (${name}); Baton's message start names one message` };
    return { trigger: { type: "message", message: name ?? " " } };
  }
  if (def.$type !== "bpmn:TimerEventDefinition") return undefined;
  const body = (property: string) => text(child(def, property), "body")?.trim();
  const cycle = body("timeCycle");
  const date = body("timeDate");
  if (cycle && parseStartCycle(cycle)) return { trigger: { type: "timer", timer: { type: "cycle", cycle } } };
  if (date && isIsoInstant(date)) return { trigger: { type: "timer", timer: { type: "date", date } } };
  const what = cycle ? `the cycle ${cycle}` : date ? `the date ${date}` : body("timeDuration") ? `a duration (${body("timeDuration")})` : "no time";
  return { refused: `${label} starts on a timer with ${what}, which Baton cannot read; a timer start repeats as R/PT1H (or R/2025-01-06T08:00:00Z/P7D) or starts once at a date and time such as 2025-01-06T08:00:00Z` };
}

export type TimerReading = { timer: Timer } | { refused: string };

/**
 * A timer definition as a Baton timer: an ISO duration, a date (FEEL
 * `= expr`, or an ISO date or date-time written as such), and where
 * `cycles` allows, a repetition `R<n>/<duration>`. Anything else (JUEL,
 * cron cycles) is refused with the reason.
 */
export function readTimerDefinition(def: ModdleElement | undefined, label: string, cycles: boolean): TimerReading | undefined {
  const body = (property: string) => text(child(def, property), "body")?.trim();
  const duration = body("timeDuration");
  const date = body("timeDate");
  const cycle = body("timeCycle");
  if (duration && /^P/.test(duration)) return { timer: { type: "duration", duration } };
  if (date?.startsWith("=")) return { timer: { type: "date", expression: date.replace(/^= ?/, "") } };
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return { timer: { type: "date", expression: `date("${date}")` } };
  if (date && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(date)) return { timer: { type: "date", expression: `date and time("${date}")` } };
  if (cycle && cycles && parseTimerCycle(cycle)) return { timer: { type: "cycle", cycle } };
  if (cycle) {
    return cycles
      ? { refused: `${label} repeats on a cycle Baton cannot read (${cycle}); write it as R3/PT1H (three times, an hour apart) or R/P1D` }
      : { refused: `${label} repeats (time cycle ${cycle}); Baton's wait happens once: set its duration or date` };
  }
  if (duration || date) {
    const value = (duration ?? date)!;
    return { refused: `${label} waits for ${juelBody(value) !== null ? "a JUEL expression" : "an expression"} (${value}) Baton cannot read: set its ${duration ? "duration (ISO 8601, e.g. PT4H)" : "date (FEEL)"}` };
  }
  return undefined;
}

/** The code an error event definition names: the error's `errorCode`, else its name; empty when it names none. */
export function readErrorCode(def: ModdleElement | undefined): string {
  const error = child(def, "errorRef");
  return (text(error, "errorCode") ?? text(error, "name") ?? "").trim();
}

/** The one event definition of an element, when it has exactly one. */
export function onlyEventDefinition(el: ModdleElement): ModdleElement | undefined {
  const defs = children(el, "eventDefinitions");
  return defs.length === 1 ? defs[0] : undefined;
}
