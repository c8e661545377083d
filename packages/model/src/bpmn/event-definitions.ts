import type { BoundaryTrigger, Step, TimerStep } from "../process-definition.ts";
import { parseTimerCycle } from "../validation/timer-cycle.ts";
import { conditionBody } from "./conditions.ts";
import type { IdAllocator } from "./id-allocator.ts";
import { juelBody } from "./juel-to-feel.ts";
import { child, children, text, type ModdleElement } from "./moddle.ts";

/**
 * Timer and error event definitions, both ways. A timer writes its
 * duration as `timeDuration`, its FEEL date as `timeDate` (`= expr`, as
 * Zeebe reads it) and a cycle as `timeCycle` (`R3/PT1H`). An error end or
 * an error boundary event refers to a `bpmn:Error` root element whose
 * `errorCode` is the code; one per code, shared by thrower and catcher.
 */
type Create = (type: string, props?: Record<string, unknown>) => ModdleElement;
type Timer = TimerStep["timer"] | Extract<BoundaryTrigger, { type: "timer" }>["timer"];

export function timerDefinition(create: Create, timer: Timer): ModdleElement {
  const [property, body] =
    timer.type === "duration" ? ["timeDuration", timer.duration] : timer.type === "date" ? ["timeDate", conditionBody(timer.expression)] : ["timeCycle", timer.cycle];
  return create("bpmn:TimerEventDefinition", { [property]: create("bpmn:FormalExpression", { body }) });
}

/** The file's `bpmn:Error` elements, one per code, created as steps ask for them. */
export class ErrorRefs {
  private readonly byCode = new Map<string, ModdleElement>();

  constructor(
    private readonly create: Create,
    private readonly ids: IdAllocator,
  ) {}

  /** An error event definition naming `code`; none (catch any) when the code is empty. */
  definition(code: string | undefined): ModdleElement {
    const trimmed = code?.trim();
    if (!trimmed) return this.create("bpmn:ErrorEventDefinition");
    let error = this.byCode.get(trimmed);
    if (!error) {
      error = this.create("bpmn:Error", { id: this.ids.claim(`Error_${trimmed}`, "Error"), name: trimmed, errorCode: trimmed });
      this.byCode.set(trimmed, error);
    }
    return this.create("bpmn:ErrorEventDefinition", { errorRef: error });
  }

  get elements(): ModdleElement[] {
    return [...this.byCode.values()];
  }
}

/** The event definitions of a step that has them (waits, boundary events, error ends). */
export function eventDefinitionsOf(step: Step, create: Create, errors: ErrorRefs): ModdleElement[] | undefined {
  if (step.kind === "timer") return [timerDefinition(create, step.timer)];
  if (step.kind === "end" && step.error) return [errors.definition(step.error.code)];
  if (step.kind !== "boundaryEvent") return undefined;
  return [step.trigger.type === "timer" ? timerDefinition(create, step.trigger.timer) : errors.definition(step.trigger.errorCode)];
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
