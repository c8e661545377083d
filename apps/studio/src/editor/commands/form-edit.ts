import { FORM_SCHEMA_VERSION, formDefinitionSchema, type FormBlock, type FormDefinition, type ProcessDefinition, type Step } from "@baton/model";
import { stepIndex, withStep } from "../definition-ops.ts";
import { EditorError } from "../editor-error.ts";

/**
 * Shared by the `field.*` commands: they change one step's form and keep
 * the form as it was, so revert puts that exact value back (or removes the
 * form again when the step had none).
 */
export type FormUndo = { present: boolean; form?: FormDefinition };

const withForms = new Set<Step["kind"]>(["start", "userTask", "approval"]);

export function editForm(
  definition: ProcessDefinition,
  command: string,
  stepId: string,
  change: (blocks: FormBlock[]) => FormBlock[],
): { definition: ProcessDefinition; undo: FormUndo } {
  const index = stepIndex(definition, command, stepId);
  const step = definition.steps[index]!;
  if (!withForms.has(step.kind)) throw new EditorError(command, `step "${stepId}" (${step.kind}) has no form.`);
  const form = (step as { form?: FormDefinition }).form;
  const undo: FormUndo = form ? { present: true, form } : { present: false };
  const blocks = change(form?.blocks ?? []);
  if (form && blocks === form.blocks) return { definition, undo };
  const next: FormDefinition = form ? { ...form, blocks } : { schemaVersion: FORM_SCHEMA_VERSION, blocks };
  const parsed = formDefinitionSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EditorError(command, `the form of step "${stepId}" would be malformed at ${issue.path.join(".")}: ${issue.message}`);
  }
  return { definition: withStep(definition, index, { ...step, form: next } as Step), undo };
}

export function revertForm(definition: ProcessDefinition, command: string, stepId: string, undo: FormUndo): ProcessDefinition {
  const index = stepIndex(definition, command, stepId);
  const step = { ...definition.steps[index]! } as Step & { form?: FormDefinition };
  if (undo.present) step.form = undo.form!;
  else delete step.form;
  return withStep(definition, index, step);
}

/**
 * Rebuilds only the path to the list that holds block `id` (sections and
 * columns nest),
 * giving that list and the block's index to `change`. Unknown id: throws.
 */
export function changeParentList(
  blocks: FormBlock[],
  id: string,
  command: string,
  change: (list: FormBlock[], index: number) => FormBlock[],
): FormBlock[] {
  const found = walk(blocks, id, change);
  if (!found) throw new EditorError(command, `there is no form field "${id}".`);
  return found;
}

function walk(list: FormBlock[], id: string, change: (list: FormBlock[], index: number) => FormBlock[]): FormBlock[] | null {
  const index = list.findIndex((b) => b.id === id);
  if (index !== -1) return change(list, index);
  for (let i = 0; i < list.length; i++) {
    const block = list[i]!;
    let next: FormBlock | null = null;
    let found = false;
    if (block.type === "section") {
      const children = walk(block.children, id, change);
      if (children) {
        found = true;
        if (children !== block.children) next = { ...block, children };
      }
    } else if (block.type === "columns") {
      for (let c = 0; c < block.columns.length && !found; c++) {
        const children = walk(block.columns[c]!.children, id, change);
        if (children) {
          found = true;
          if (children !== block.columns[c]!.children) {
            const columns = [...block.columns];
            columns[c] = { ...block.columns[c]!, children };
            next = { ...block, columns };
          }
        }
      }
    }
    if (!found) continue;
    if (!next) return list;
    const out = [...list];
    out[i] = next;
    return out;
  }
  return null;
}
