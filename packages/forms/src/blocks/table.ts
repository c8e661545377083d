import type { Field } from "@baton/model";
import type { FieldBlockSpec, JsonSchema, UiSchema } from "../block-spec.ts";
import { compileColumn } from "./column-blocks.ts";
import { baseSchema, baseUi } from "./common.ts";

type TableField = Extract<Field, { type: "table" }>;

/** What the table template needs beyond the schema: the total row, if any. */
export type TableTotal = { column: string; label: string; currency?: string; percent?: true };

/**
 * Rows of the same fields: an array of row objects under the table's key.
 * Each column compiles as the field it is; a required column is required in
 * every row, and rows take nothing but the columns. A required table needs
 * a row. The uiSchema marks the array as a table (`ui:options.table`) and
 * its rows (`tableRow`) for the theme's table templates, and names the
 * column whose sum is shown below the rows.
 */
export const tableBlock: FieldBlockSpec<TableField> = {
  kind: "field",
  type: "table",
  label: "Repeating table",
  create: ({ id, key }) => ({
    id,
    key,
    type: "table",
    label: "Items",
    required: false,
    columns: [{ id: `${id}-item`, key: "item", type: "text", label: "Item", required: true }],
  }),
  compile: (field) => {
    const properties: Record<string, JsonSchema> = {};
    const rowUi: UiSchema = { "ui:options": { tableRow: true }, "ui:order": field.columns.map((c) => c.key) };
    const required: string[] = [];
    for (const column of field.columns) {
      if (Object.hasOwn(properties, column.key)) continue; // `validate` reports the duplicate
      const compiled = compileColumn(column);
      properties[column.key] = compiled.schema;
      if (Object.keys(compiled.uiSchema).length > 0) rowUi[column.key] = compiled.uiSchema;
      if (column.required) required.push(column.key);
    }
    const minRows = Math.max(field.minRows ?? 0, field.required ? 1 : 0);
    const totalled = field.columns.find((c) => c.key === field.totalOf);
    const total: TableTotal | undefined =
      totalled && (totalled.type === "number" || totalled.type === "currency" || totalled.type === "percent")
        ? {
            column: totalled.key,
            label: `Total ${totalled.label.charAt(0).toLowerCase()}${totalled.label.slice(1)}`,
            ...(totalled.type === "currency" ? { currency: totalled.currency } : {}),
            ...(totalled.type === "percent" ? { percent: true as const } : {}),
          }
        : undefined;
    return {
      schema: baseSchema(field, {
        type: "array",
        items: { type: "object", properties, required, additionalProperties: false },
        ...(minRows > 0 ? { minItems: minRows } : {}),
        ...(field.maxRows !== undefined ? { maxItems: field.maxRows } : {}),
      }),
      uiSchema: baseUi(field, {
        "ui:options": { table: true, orderable: false, ...(total ? { total } : {}) },
        items: rowUi,
      }),
    };
  },
};
