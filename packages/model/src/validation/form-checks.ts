import { APPROVAL_COMMENT_KEY, APPROVAL_DECISION_KEY } from "../approval-form.ts";
import type { Field, FormBlock, FormDefinition } from "../form-definition.ts";
import { formFields, innerBlockLists, isLayoutBlock } from "../form-definition.ts";
import type { Step } from "../process-definition.ts";
import { type CheckContext, stepPath } from "./context.ts";
import { describeStep } from "./describe.ts";
import { checkCurrency, checkField } from "./form-field-checks.ts";
import { checkBlockRules, checkVariableSource } from "./form-rule-checks.ts";
import { variablesBefore } from "./provided-variables.ts";

/** Names expressions read for Baton itself: the starter, the clock, the completing user. */
export const RESERVED_NAMES = ["initiator", "now", "today", "completedBy"];

type FormStep = Extract<Step, { kind: "start" | "userTask" | "approval" }>;
type PlacedBlock = { block: FormBlock; path: (string | number)[] };

/**
 * Forms of the start and of each task. Layout blocks are only visual, so all
 * the fields of one form write into one flat data object: a key may appear
 * once per form, whichever section or column it sits in. A table's columns
 * are keys of its rows, so they only need to differ from each other.
 */
export function checkForms(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (step.kind === "approval" && step.form) checkForm(ctx, step, step.form);
    if (step.kind !== "start" && step.kind !== "userTask") continue;
    if (step.form) checkForm(ctx, step, step.form);
    checkMappings(ctx, step);
  }
}

function checkForm(ctx: CheckContext, step: FormStep, form: FormDefinition): void {
  const where = `the ${step.kind === "start" ? "start form" : "form"} of ${describeStep(step)}`;
  // An approval's form ends with the decision and comment Baton adds (approval-form.ts).
  const reserved = step.kind === "approval" ? [...RESERVED_NAMES, APPROVAL_DECISION_KEY, APPROVAL_COMMENT_KEY] : RESERVED_NAMES;
  const placed = placeBlocks(form.blocks, stepPath(ctx, step, "form", "blocks"));
  // Walking back through the graph is the costly part of validation: only
  // forms with rules or variable sources need it, and then once.
  let earlierCache: Set<string> | undefined;
  let knownCache: Set<string> | undefined;
  const earlier = () => (earlierCache ??= variablesBefore(ctx, step));
  const known = () => (knownCache ??= new Set([...earlier(), ...formFields(form).map((f) => f.key), ...RESERVED_NAMES]));
  const ids = new Set<string>();
  const keys = new Map<string, Field>();
  for (const { block, path } of placed) {
    const at = { stepId: step.id, fieldId: block.id, path };
    const name = `${describeBlock(block)} in ${where}`;
    const blockIds = [{ id: block.id, path }];
    if (block.type === "table") block.columns.forEach((c, i) => blockIds.push({ id: c.id, path: [...path, "columns", i] }));
    for (const { id, path: idPath } of blockIds) {
      if (ids.has(id)) {
        ctx.report({
          ...at,
          fieldId: id,
          code: "form.duplicate-field-id",
          severity: "error",
          message: `${id === block.id ? describeBlock(block) : "A column"} in ${where} has the id "${id}", which another block of the form already uses.`,
          path: [...idPath, "id"],
        });
      }
      ids.add(id);
    }
    checkBlockRules(ctx, block, name, at, known);
    checkVariableSource(ctx, block, name, at, earlier);
    if (block.type === "display" && block.currency) checkCurrency(ctx, block.currency, name, { ...at, path: [...path, "currency"] });
    if (isLayoutBlock(block)) continue;
    const other = keys.get(block.key);
    if (other) {
      ctx.report({
        ...at,
        code: "form.duplicate-key",
        severity: "error",
        message: `${name} has the key "${block.key}", which field "${other.label}" already uses. Each field needs its own key.`,
        path: [...path, "key"],
      });
    } else {
      keys.set(block.key, block);
    }
    if (reserved.includes(block.key)) {
      ctx.report({
        ...at,
        code: "form.reserved-key",
        severity: "error",
        message: `${name} has the key "${block.key}", a name Baton reserves (${reserved.join(", ")}). Choose another key.`,
        path: [...path, "key"],
      });
    }
    checkField(ctx, block, name, at);
  }
}

/** How messages name a block: `Field "Phone"`, `Section "Contact"`, `Text "Please…"`. */
function describeBlock(block: FormBlock): string {
  switch (block.type) {
    case "section":
      return `Section "${block.title}"`;
    case "columns":
      return `Columns "${block.id}"`;
    case "staticText":
      return `Text "${block.text.length > 30 ? `${block.text.slice(0, 30)}…` : block.text}"`;
    case "display":
      return `Display "${block.label}"`;
    default:
      return `Field "${block.label}"`;
  }
}

/** `from` that is a field key or a path starting with one (`order.amount`). */
const FIELD_REFERENCE = /^([A-Za-z][A-Za-z0-9_]*)(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const FEEL_LITERALS = new Set(["true", "false", "null"]);

function checkMappings(ctx: CheckContext, step: Extract<Step, { kind: "start" | "userTask" }>): void {
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
export function placeBlocks(blocks: FormBlock[], path: (string | number)[]): PlacedBlock[] {
  return blocks.flatMap((block, i) => {
    const here = [...path, i];
    const inner = innerBlockLists(block).flatMap((list) => placeBlocks(list.blocks, [...here, ...list.path]));
    return [{ block, path: here }, ...inner];
  });
}
