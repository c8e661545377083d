import { formFields } from "./form-definition.ts";
import type { Step } from "./process-definition.ts";

/**
 * The process variables a step writes (head names: `order.amount` writes
 * `order`). A form without output mappings copies every field to a variable
 * of its key; with mappings, only their targets.
 */
export function variablesWritten(step: Step): string[] {
  const head = (to: string) => to.split(".")[0] ?? to;
  switch (step.kind) {
    case "start":
    case "userTask":
      return step.outputs ? step.outputs.map((m) => head(m.to)) : formFields(step.form).map((f) => f.key);
    case "serviceCall":
    case "callActivity":
      return step.outputs.map((m) => head(m.to));
    case "messageCatch":
      return (step.outputs ?? []).map((m) => head(m.to));
    case "approval":
      return [step.resultVariable, ...formFields(step.form).map((f) => f.key)];
    case "boundaryEvent":
      return step.trigger.type === "error" && step.trigger.errorVariable ? [step.trigger.errorVariable] : [];
    default:
      return [];
  }
}
