import type { CompiledForm, FormBlock, FormDefinition } from "@baton/model";
import type { JsonSchema, UiSchema } from "./block-spec.ts";
import { sectionBlock } from "./blocks/section.ts";
import { type FormLayoutItem, LAYOUT_UI_KEY } from "./form-layout.ts";
import { compileField } from "./registry.ts";

/**
 * Translates a form's block tree into what rjsf renders and ajv checks: a
 * draft-07 object schema whose properties are the fields, and a uiSchema.
 *
 * - Sections are visual only (see `form-layout.ts`): fields are flat
 *   properties; `ui:order` lists them in document order and `ui:layout`
 *   carries the grouping when there are sections.
 * - `additionalProperties: false`: data for keys the form does not have is
 *   refused, so a task cannot write variables its form does not show.
 * - The first field a participant can edit gets `ui:autofocus`.
 * - A key used twice keeps its first field; `validate` in `@baton/model`
 *   reports the duplicate, so only a draft preview ever gets here with one.
 */
export function compileForm(form: FormDefinition): CompiledForm {
  const properties: Record<string, JsonSchema> = {};
  const fieldUi: Record<string, UiSchema> = {};
  const required: string[] = [];
  let hasSections = false;

  const walk = (blocks: FormBlock[]): FormLayoutItem[] =>
    blocks.flatMap((block): FormLayoutItem[] => {
      if (block.type === "section") {
        hasSections = true;
        return [sectionBlock.compile(block, walk(block.children))];
      }
      if (Object.hasOwn(properties, block.key)) return [];
      const { schema, uiSchema } = compileField(block);
      properties[block.key] = schema;
      fieldUi[block.key] = uiSchema;
      if (block.required) required.push(block.key);
      return [{ type: "field", key: block.key }];
    });
  const layout = walk(form.blocks);

  const order = Object.keys(properties);
  const firstEditable = order.find((key) => properties[key]?.readOnly !== true);
  if (firstEditable !== undefined) fieldUi[firstEditable] = { ...fieldUi[firstEditable], "ui:autofocus": true };

  const schema: JsonSchema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    ...(form.title ? { title: form.title } : {}),
    ...(form.description ? { description: form.description } : {}),
    properties,
    required,
    additionalProperties: false,
  };
  const uiSchema: UiSchema = {
    "ui:order": order,
    ...(hasSections ? { [LAYOUT_UI_KEY]: layout } : {}),
  };
  for (const key of order) {
    const ui = fieldUi[key];
    if (ui && Object.keys(ui).length > 0) uiSchema[key] = ui;
  }
  return { schema, uiSchema };
}
