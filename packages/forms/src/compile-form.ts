import type { CompiledForm, FormBlock, FormDefinition } from "@baton/model";
import { innerBlockLists, isLayoutBlock } from "@baton/model";
import type { JsonSchema, LayoutBlockSpec, UiSchema } from "./block-spec.ts";
import { type FormLayoutItem, LAYOUT_UI_KEY } from "./form-layout.ts";
import { compileField, layoutBlocks } from "./registry.ts";
import { type FieldRule, RULES_KEY } from "./rules/form-rules.ts";

/**
 * Translates a form's block tree into what rjsf renders and ajv checks: a
 * draft-07 object schema whose properties are the fields, and a uiSchema.
 *
 * - Layout blocks are visual only (see `form-layout.ts`): fields are flat
 *   properties; `ui:order` lists them in document order and `ui:layout`
 *   carries the arrangement when there are layout blocks.
 * - Rules (visible-if of the field and of every block around it,
 *   required-if, options from a variable) go to `x-baton` (see
 *   `rules/form-rules.ts`); a required field that a rule can hide is
 *   required there, not in the static `required` list.
 * - `additionalProperties: false`: data for keys the form does not have is
 *   refused, so a task cannot write variables its form does not show.
 * - The first field a participant can edit (and no rule hides) gets `ui:autofocus`.
 * - A key used twice keeps its first field; `validate` in `@baton/model`
 *   reports the duplicate, so only a draft preview ever gets here with one.
 */
export function compileForm(form: FormDefinition): CompiledForm {
  const properties: Record<string, JsonSchema> = {};
  const fieldUi: Record<string, UiSchema> = {};
  const required: string[] = [];
  const rules: FieldRule[] = [];
  let hasLayout = false;

  const walk = (blocks: FormBlock[], conditions: string[]): FormLayoutItem[] =>
    blocks.flatMap((block): FormLayoutItem[] => {
      const here = block.visibleIf !== undefined ? [...conditions, block.visibleIf] : conditions;
      if (isLayoutBlock(block)) {
        hasLayout = true;
        const spec = layoutBlocks[block.type] as LayoutBlockSpec;
        return [spec.compile(block, innerBlockLists(block).map((list) => walk(list.blocks, here)))];
      }
      if (Object.hasOwn(properties, block.key)) return [];
      const { schema, uiSchema } = compileField(block);
      properties[block.key] = schema;
      fieldUi[block.key] = uiSchema;
      if (block.required && here.length === 0) required.push(block.key);
      const optionsFrom = "optionsFrom" in block ? block.optionsFrom?.variable : undefined;
      const requiredIf = block.required ? undefined : block.requiredIf; // required wins
      if (here.length > 0 || requiredIf !== undefined || optionsFrom !== undefined) {
        rules.push({
          key: block.key,
          ...(here.length > 0 ? { visibleIf: here } : {}),
          ...(block.required && here.length > 0 ? { required: true as const } : {}),
          ...(requiredIf !== undefined ? { requiredIf } : {}),
          ...(optionsFrom !== undefined ? { optionsFrom } : {}),
        });
      }
      return [{ type: "field", key: block.key }];
    });
  const layout = walk(form.blocks, []);

  const order = Object.keys(properties);
  const canHide = new Set(rules.filter((r) => r.visibleIf).map((r) => r.key));
  const firstEditable = order.find((key) => properties[key]?.readOnly !== true && !canHide.has(key));
  if (firstEditable !== undefined) fieldUi[firstEditable] = { ...fieldUi[firstEditable], "ui:autofocus": true };

  const schema: JsonSchema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    ...(form.title ? { title: form.title } : {}),
    ...(form.description ? { description: form.description } : {}),
    properties,
    required,
    additionalProperties: false,
    ...(rules.length > 0 ? { [RULES_KEY]: { rules } } : {}),
  };
  const uiSchema: UiSchema = {
    "ui:order": order,
    ...(hasLayout ? { [LAYOUT_UI_KEY]: layout } : {}),
  };
  for (const key of order) {
    const ui = fieldUi[key];
    if (ui && Object.keys(ui).length > 0) uiSchema[key] = ui;
  }
  return { schema, uiSchema };
}
