import type { Field, FormBlock, FormDefinition } from "../form-definition.ts";
import { formFields } from "../form-definition.ts";
import type { Step } from "../process-definition.ts";
import { type CheckContext, stepPath } from "./context.ts";
import { describeStep } from "./describe.ts";

/** Names expressions read for Baton itself: the starter, the clock, the completing user. */
export const RESERVED_NAMES = ["initiator", "now", "today", "completedBy"];

type FormStep = Extract<Step, { kind: "start" | "userTask" }>;
type PlacedBlock = { block: FormBlock; path: (string | number)[] };

/**
 * Forms of the start and of each task. Sections are only visual, so all the
 * fields of one form write into one flat data object: a key may appear once
 * per form, whichever section it sits in.
 */
export function checkForms(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (step.kind !== "start" && step.kind !== "userTask") continue;
    if (step.form) checkForm(ctx, step, step.form);
    checkMappings(ctx, step);
  }
}

function checkForm(ctx: CheckContext, step: FormStep, form: FormDefinition): void {
  const where = `the ${step.kind === "start" ? "start form" : "form"} of ${describeStep(step)}`;
  const placed = placeBlocks(form.blocks, stepPath(ctx, step, "form", "blocks"));
  const ids = new Set<string>();
  const keys = new Map<string, Field>();
  for (const { block, path } of placed) {
    const at = { stepId: step.id, fieldId: block.id, path };
    const name = block.type === "section" ? `Section "${block.title}"` : `Field "${block.label}"`;
    if (ids.has(block.id)) {
      ctx.report({
        ...at,
        code: "form.duplicate-field-id",
        severity: "error",
        message: `${name} in ${where} has the id "${block.id}", which another block of the form already uses.`,
        path: [...path, "id"],
      });
    }
    ids.add(block.id);
    if (block.type === "section") continue;
    const other = keys.get(block.key);
    if (other) {
      ctx.report({
        ...at,
        code: "form.duplicate-key",
        severity: "error",
        message: `${name} in ${where} has the key "${block.key}", which field "${other.label}" already uses. Each field needs its own key.`,
        path: [...path, "key"],
      });
    } else {
      keys.set(block.key, block);
    }
    if (RESERVED_NAMES.includes(block.key)) {
      ctx.report({
        ...at,
        code: "form.reserved-key",
        severity: "error",
        message: `${name} in ${where} has the key "${block.key}", a name Baton reserves (${RESERVED_NAMES.join(", ")}). Choose another key.`,
        path: [...path, "key"],
      });
    }
    checkField(ctx, block, `${name} in ${where}`, at);
  }
}

function checkField(
  ctx: CheckContext,
  field: Field,
  name: string,
  at: { stepId: string; fieldId: string; path: (string | number)[] },
): void {
  if (field.type === "select") {
    if (field.options.length === 0) {
      ctx.report({
        ...at,
        code: "form.select-no-options",
        severity: "error",
        message: `${name} has no options to choose from. Add at least one option.`,
        path: [...at.path, "options"],
      });
    }
    const values = new Set<string>();
    field.options.forEach((option, i) => {
      if (values.has(option.value)) {
        ctx.report({
          ...at,
          code: "form.duplicate-option",
          severity: "error",
          message: `${name} has the option value "${option.value}" more than once; each option needs its own value.`,
          path: [...at.path, "options", i, "value"],
        });
      }
      values.add(option.value);
    });
  }
  const range =
    field.type === "text"
      ? { low: field.minLength, high: field.maxLength, words: "minimum length", bound: "maxLength" }
      : field.type === "number"
        ? { low: field.minimum, high: field.maximum, words: "minimum", bound: "maximum" }
        : undefined;
  if (range && range.low !== undefined && range.high !== undefined && range.low > range.high) {
    ctx.report({
      ...at,
      code: "form.min-above-max",
      severity: "error",
      message: `${name} has a ${range.words} (${range.low}) above its ${range.words.replace("minimum", "maximum")} (${range.high}), so no value can be valid.`,
      path: [...at.path, range.bound],
    });
  }
}

/** `from` that is a field key or a path starting with one (`order.amount`). */
const FIELD_REFERENCE = /^([A-Za-z][A-Za-z0-9_]*)(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const FEEL_LITERALS = new Set(["true", "false", "null"]);

function checkMappings(ctx: CheckContext, step: FormStep): void {
  const keys = new Set(formFields(step.form).map((f) => f.key));
  step.outputs?.forEach((mapping, i) => {
    const head = FIELD_REFERENCE.exec(mapping.from.trim())?.[1];
    if (head === undefined || FEEL_LITERALS.has(head) || keys.has(head)) return;
    if (head === "completedBy" && step.kind === "userTask") return; // the engine provides it
    ctx.report({
      code: "mapping.unknown-field",
      severity: "warning",
      message: `${describeStep(step)} copies "${mapping.from}" to "${mapping.to}", but its form has no field with the key "${head}"; the variable would be empty.`,
      stepId: step.id,
      path: stepPath(ctx, step, "outputs", i, "from"),
    });
  });
}

/** Every block of the form, depth first, with its path in the definition. */
function placeBlocks(blocks: FormBlock[], path: (string | number)[]): PlacedBlock[] {
  return blocks.flatMap((block, i) => {
    const here = [...path, i];
    const self: PlacedBlock = { block, path: here };
    return block.type === "section" ? [self, ...placeBlocks(block.children, [...here, "children"])] : [self];
  });
}
