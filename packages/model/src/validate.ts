import { processDefinitionSchema } from "./process-definition.ts";
import type { Problem } from "./problems.ts";
import { createContext } from "./validation/context.ts";
import { checkBoundaryEvents } from "./validation/boundary-checks.ts";
import { checkExpressions } from "./validation/expression-checks.ts";
import { checkEscalations } from "./validation/escalation-checks.ts";
import { checkForms } from "./validation/form-checks.ts";
import { checkGateways } from "./validation/gateway-checks.ts";
import { checkGraph } from "./validation/graph-checks.ts";
import { schemaProblems } from "./validation/schema-problems.ts";
import { checkCalledProcesses } from "./validation/call-checks.ts";
import { checkMessages } from "./validation/message-checks.ts";
import { checkScopes } from "./validation/scope-checks.ts";
import { checkStrategies } from "./validation/strategy-checks.ts";
import { checkVariableTypes } from "./validation/variable-type-checks.ts";

/**
 * Every problem of a draft at once, each pointing at a step, connection or
 * form field, so the studio can mark them all and publishing can refuse
 * with the full list.
 *
 * A definition that does not even have the right shape gets only its
 * `schema.invalid` problems: the graph checks need well-formed steps. Once
 * the shape is right, every check runs and none stops at its first finding.
 * Warnings (e.g. a decision without default) do not block publishing.
 */
export type ValidateOptions = {
  /**
   * The keys of the published processes, where known (publishing, the
   * studio): a call activity must call one of them, or the process itself.
   */
  publishedProcesses?: ReadonlySet<string>;
};

export function validate(definition: unknown, options: ValidateOptions = {}): Problem[] {
  const parsed = processDefinitionSchema.safeParse(definition);
  if (!parsed.success) return schemaProblems(parsed.error.issues, definition);
  const problems: Problem[] = [];
  const ctx = createContext(parsed.data, problems);
  checkGraph(ctx);
  checkScopes(ctx);
  checkGateways(ctx);
  checkExpressions(ctx);
  checkForms(ctx);
  checkVariableTypes(ctx);
  checkEscalations(ctx);
  checkStrategies(ctx);
  checkBoundaryEvents(ctx);
  checkMessages(ctx);
  if (options.publishedProcesses) checkCalledProcesses(ctx, options.publishedProcesses);
  checkTimeZone(ctx.definition.timeZone, problems);
  return problems;
}

/** Calendar due rules count days in the process's time zone: it must exist. */
function checkTimeZone(timeZone: string, problems: Problem[]): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    problems.push({
      code: "process.unknown-time-zone",
      severity: "error",
      message: `The time zone "${timeZone}" is unknown; use an IANA name such as "Europe/Berlin" or "UTC".`,
      path: ["timeZone"],
    });
  }
}

/** True when any problem is an error (warnings alone allow publishing). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
