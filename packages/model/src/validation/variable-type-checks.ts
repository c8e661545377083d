import { type Field, formFields } from "../form-definition.ts";
import type { Step } from "../process-definition.ts";
import { type CheckContext, stepPath } from "./context.ts";
import { describeStep } from "./describe.ts";
import { placeBlocks } from "./form-checks.ts";

/**
 * The shape a variable takes at runtime, coarse on purpose: every field whose
 * value is a string (text, email, date, user, a chosen option…) is "text",
 * so a date may flow into a text field of a later form, but not into a
 * number. Two steps that write one variable must agree on this shape, or a
 * later rule, mapping or form reads a value of the wrong kind.
 */
type VariableShape = "text" | "number" | "yes/no" | "list of texts" | "table" | "files";

const shapeOfField: Record<Field["type"], VariableShape> = {
  text: "text",
  longText: "text",
  email: "text",
  phone: "text",
  url: "text",
  select: "text",
  radio: "text",
  date: "text",
  dateTime: "text",
  user: "text",
  group: "text",
  attachment: "files",
  number: "number",
  currency: "number",
  percent: "number",
  yesNo: "yes/no",
  multiSelect: "list of texts",
  checkboxes: "list of texts",
  table: "table",
};

type Binding = { step: Step; shape: VariableShape; field: string; fieldId?: string; path: (string | number)[] };

export function checkVariableTypes(ctx: CheckContext): void {
  const first = new Map<string, Binding>();
  for (const step of ctx.definition.steps) {
    if (ctx.stepsById.get(step.id) !== step) continue;
    for (const [variable, binding] of bindingsOf(ctx, step)) {
      const earlier = first.get(variable);
      if (!earlier) {
        first.set(variable, binding);
        continue;
      }
      if (earlier.shape === binding.shape || earlier.step === step) continue;
      ctx.report({
        code: "variable.type-conflict",
        severity: "error",
        message: `${describeStep(step)} writes the variable "${variable}" as ${binding.shape} (${binding.field}), but ${describeStep(earlier.step)} writes it as ${earlier.shape} (${earlier.field}). Give one of them another key, or make both the same kind of field.`,
        stepId: step.id,
        ...(binding.fieldId ? { fieldId: binding.fieldId } : {}),
        path: binding.path,
      });
    }
  }
}

/** Variables a step writes whose shape the model knows: form fields copied as they are, or mapped by plain reference. */
function bindingsOf(ctx: CheckContext, step: Step): Map<string, Binding> {
  const out = new Map<string, Binding>();
  if (step.kind !== "start" && step.kind !== "userTask" && step.kind !== "approval") return out;
  const fields = formFields(step.form);
  const describe = (f: Field) => `field "${f.label}" of type ${f.type}`;
  const paths = new Map(placeBlocks(step.form?.blocks ?? [], stepPath(ctx, step, "form", "blocks")).map((p) => [p.block, p.path]));
  const fieldPath = (f: Field) => paths.get(f) ?? stepPath(ctx, step, "form");
  const outputs = step.kind === "approval" ? undefined : step.outputs;
  if (outputs) {
    outputs.forEach((mapping, i) => {
      if (mapping.to.includes(".")) return; // a part of a record: its whole shape is unknown
      const field = fields.find((f) => f.key === mapping.from.trim());
      if (field && !out.has(mapping.to)) {
        out.set(mapping.to, { step, shape: shapeOfField[field.type], field: describe(field), path: stepPath(ctx, step, "outputs", i, "to") });
      }
    });
    return out;
  }
  for (const field of fields) {
    if (!out.has(field.key)) out.set(field.key, { step, shape: shapeOfField[field.type], field: describe(field), fieldId: field.id, path: fieldPath(field) });
  }
  return out;
}
