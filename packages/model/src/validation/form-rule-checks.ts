import { feelNames } from "../feel-evaluate.ts";
import { checkFeelExpression } from "../feel-syntax.ts";
import type { FormBlock } from "../form-definition.ts";
import type { CheckContext } from "./context.ts";
import { lowerFirst } from "./describe.ts";

export type BlockPlace = { stepId: string; fieldId: string; path: (string | number)[] };

/**
 * A block's visible-if and required-if: FEEL that must parse (an error, as
 * everywhere), and that should read only names the form or an earlier step
 * provides (a warning: a misspelt key would silently hide the field for
 * good, yet a variable may also arrive in ways the model cannot see).
 */
export function checkBlockRules(ctx: CheckContext, block: FormBlock, name: string, at: BlockPlace, known: () => Set<string>): void {
  const rules: [string, "visibleIf" | "requiredIf", string | undefined][] = [
    ["visible-if", "visibleIf", block.visibleIf],
    ["required-if", "requiredIf", "requiredIf" in block ? block.requiredIf : undefined],
  ];
  for (const [words, property, text] of rules) {
    if (text === undefined) continue;
    const path = [...at.path, property];
    const syntax = checkFeelExpression(text);
    if (!syntax.ok) {
      ctx.report({
        ...at,
        path,
        code: "expression.syntax",
        severity: "error",
        message: `The ${words} rule of ${lowerFirst(name)} is not a valid expression. ${syntax.message}`,
        offset: syntax.offset,
      });
      continue;
    }
    const unknown = feelNames(text).free.filter((n) => !known().has(n));
    if (unknown.length === 0) continue;
    ctx.report({
      ...at,
      path,
      code: "form.rule-unknown-name",
      severity: "warning",
      message: `The ${words} rule of ${lowerFirst(name)} reads ${unknown.map((n) => `"${n}"`).join(", ")}, which no field of this form nor an earlier step provides; it would always be empty.`,
    });
  }
}

/** Options from a variable, and a display of one, need a variable an earlier step writes. */
export function checkVariableSource(ctx: CheckContext, block: FormBlock, name: string, at: BlockPlace, provided: () => Set<string>): void {
  const source =
    block.type === "display"
      ? { variable: block.variable, property: "variable", what: "shows" }
      : "optionsFrom" in block && block.optionsFrom
        ? { variable: block.optionsFrom.variable, property: "optionsFrom", what: "takes its options from" }
        : undefined;
  if (!source) return;
  const head = source.variable.split(".")[0] ?? source.variable;
  if (provided().has(head)) return;
  ctx.report({
    ...at,
    path: [...at.path, source.property, ...(source.property === "optionsFrom" ? ["variable"] : [])],
    code: "form.unknown-variable",
    severity: "warning",
    message: `${name} ${source.what} the variable "${source.variable}", which no earlier step provides${isStartPath(ctx, at.stepId) ? " (a start form runs before any variable exists)" : ""}.`,
  });
}

function isStartPath(ctx: CheckContext, stepId: string): boolean {
  return ctx.stepsById.get(stepId)?.kind === "start";
}
