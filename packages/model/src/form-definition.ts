import { z } from "zod";

/**
 * A form is a tree of blocks. It is the only thing the (future) form
 * designer produces and the only thing the renderer consumes, through the
 * JSON Schema + uiSchema that `@baton/forms` compiles from it.
 *
 * Field blocks write data: each writes one top-level key of the form data
 * (a repeating table writes a list of row objects under its key, its
 * columns being the fields of each row). Layout blocks (section, columns,
 * static text, display of an earlier value) write nothing; they only arrange
 * and explain, so moving a field into a section never changes the data.
 *
 * Rules are FEEL over `{ ...variables, ...formData }` (form data wins):
 * `visibleIf` shows a block only when it yields true (a hidden field is not
 * required and its value is never stored); `requiredIf` makes a field
 * required when it yields true.
 */
export const FORM_SCHEMA_VERSION = 1 as const;

/** Variable-safe key: letters, digits, underscore; starts with a letter. */
export const fieldKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "use letters, digits and _ and start with a letter");

/** A process variable, or a path into one (`order.items`). */
export const variablePathSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, "a variable name such as products or order.items");

export const fieldTypes = [
  "text",
  "longText",
  "number",
  "date",
  "select",
  "yesNo",
  "email",
  "phone",
  "currency",
  "percent",
  "dateTime",
  "url",
  "radio",
  "multiSelect",
  "checkboxes",
  "user",
  "group",
  "table",
  "attachment",
] as const;
export type FieldType = (typeof fieldTypes)[number];

export const layoutBlockTypes = ["section", "columns", "staticText", "display"] as const;
export type LayoutBlockType = (typeof layoutBlockTypes)[number];

export const selectOptionSchema = z.object({
  value: z.string().min(1),
  label: z.string().min(1),
});
export type SelectOption = z.infer<typeof selectOptionSchema>;

const visibleIf = z.string().optional();

const fieldBase = {
  id: z.string().min(1),
  key: fieldKeySchema,
  label: z.string().min(1),
  help: z.string().optional(),
  placeholder: z.string().optional(),
  required: z.boolean().default(false),
  readOnly: z.boolean().optional(),
  visibleIf,
  requiredIf: z.string().optional(),
};

/** Options typed in, or taken at runtime from a variable holding a list of
 * strings or of `{ value, label }` (then `options` stays empty). */
const choiceBase = {
  options: z.array(selectOptionSchema).default([]),
  optionsFrom: z.object({ variable: variablePathSchema }).optional(),
};
const bounds = { minimum: z.number().optional(), maximum: z.number().optional() };

export const textFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("text"),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  /** A regular expression (JavaScript, unicode) the whole value must match. */
  pattern: z.string().min(1).optional(),
  /** What a participant reads when the pattern does not match. */
  patternMessage: z.string().min(1).optional(),
  default: z.string().optional(),
});
export const longTextFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("longText"),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  default: z.string().optional(),
});
export const numberFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("number"),
  ...bounds,
  integer: z.boolean().optional(),
  default: z.number().optional(),
});
/** An amount of money in one currency (ISO 4217), in its minor-unit precision. */
export const currencyFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("currency"),
  currency: z.string().regex(/^[A-Z]{3}$/, "a three-letter ISO 4217 code such as EUR"),
  ...bounds,
  default: z.number().optional(),
});
/** A percentage, stored as written: 12.5 means 12.5 %. */
export const percentFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("percent"),
  ...bounds,
  default: z.number().optional(),
});
export const dateFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("date"),
  default: z.string().optional(),
});
/** A moment, stored as an ISO 8601 UTC date-time; entered in the participant's local time. */
export const dateTimeFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("dateTime"),
  default: z.string().optional(),
});
export const selectFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("select"),
  ...choiceBase,
  default: z.string().optional(),
});
export const radioFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("radio"),
  ...choiceBase,
  default: z.string().optional(),
});
export const multiSelectFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("multiSelect"),
  ...choiceBase,
  default: z.array(z.string()).optional(),
});
export const checkboxesFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("checkboxes"),
  ...choiceBase,
  default: z.array(z.string()).optional(),
});
export const yesNoFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("yesNo"),
  default: z.boolean().optional(),
});
export const emailFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("email"),
  default: z.string().optional(),
});
export const phoneFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("phone"),
  default: z.string().optional(),
});
/** A web address (http or https). */
export const urlFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("url"),
  default: z.string().optional(),
});
/** A user of the directory, stored as the user name. */
export const userFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("user"),
  default: z.string().optional(),
});
/** A group of the directory, stored as the group key. */
export const groupFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("group"),
  default: z.string().optional(),
});

/** Columns of a repeating table: the simple fields, without rules of their own
 * (a rule would have to be read per row) and with options typed in. Strict,
 * so a rule put on a column is refused rather than silently dropped. */
const notInColumns = { visibleIf: true, requiredIf: true, readOnly: true } as const;
export const columnFieldSchema = z.discriminatedUnion("type", [
  textFieldSchema.omit(notInColumns).strict(),
  longTextFieldSchema.omit(notInColumns).strict(),
  numberFieldSchema.omit(notInColumns).strict(),
  currencyFieldSchema.omit(notInColumns).strict(),
  percentFieldSchema.omit(notInColumns).strict(),
  dateFieldSchema.omit(notInColumns).strict(),
  dateTimeFieldSchema.omit(notInColumns).strict(),
  emailFieldSchema.omit(notInColumns).strict(),
  phoneFieldSchema.omit(notInColumns).strict(),
  urlFieldSchema.omit(notInColumns).strict(),
  selectFieldSchema.omit({ ...notInColumns, optionsFrom: true }).strict(),
  yesNoFieldSchema.omit(notInColumns).strict(),
]);
export type ColumnField = z.infer<typeof columnFieldSchema>;
export const columnFieldTypes = columnFieldSchema.options.map((o) => o.shape.type.value);

/** Rows of the same fields (order lines, existing loans): a list of row objects under its key. */
export const tableFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("table"),
  columns: z.array(columnFieldSchema),
  minRows: z.number().int().nonnegative().optional(),
  maxRows: z.number().int().positive().optional(),
  /** Key of a number, currency or percent column whose sum is shown below the rows. */
  totalOf: fieldKeySchema.optional(),
});

/** Largest file any attachment field accepts, in megabytes (the server refuses bigger uploads). */
export const MAX_ATTACHMENT_MB = 50;
/** A MIME type (`application/pdf`), a family (`image/*`) or a file name ending (`.pdf`). */
export const acceptPatternSchema = z
  .string()
  .regex(/^(\.[A-Za-z0-9][A-Za-z0-9_-]*|[a-z]+\/(\*|[A-Za-z0-9][A-Za-z0-9.+_-]*))$/, "a type such as application/pdf or image/*, or an ending such as .pdf");
/**
 * Files uploaded with the form. The value is a list of
 * `{ id, name, size, contentType }` (at most one unless `multiple`); the
 * bytes are kept by the server, which links them to the instance when the
 * form is submitted.
 */
export const attachmentFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("attachment"),
  maxSizeMb: z.number().positive().max(MAX_ATTACHMENT_MB).default(10),
  accept: z.array(acceptPatternSchema).optional(),
  multiple: z.boolean().default(false),
});
/** One file in an attachment field's value. */
export type AttachmentFile = { id: string; name: string; size: number; contentType: string };

export const fieldSchema = z.discriminatedUnion("type", [
  textFieldSchema,
  longTextFieldSchema,
  numberFieldSchema,
  dateFieldSchema,
  selectFieldSchema,
  yesNoFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
  currencyFieldSchema,
  percentFieldSchema,
  dateTimeFieldSchema,
  urlFieldSchema,
  radioFieldSchema,
  multiSelectFieldSchema,
  checkboxesFieldSchema,
  userFieldSchema,
  groupFieldSchema,
  tableFieldSchema,
  attachmentFieldSchema,
]);
export type Field = z.infer<typeof fieldSchema>;
export type ChoiceField = Extract<Field, { type: "select" | "radio" | "multiSelect" | "checkboxes" }>;

/** A titled group of blocks; groups nest. Visual only: its fields stay top-level keys. */
export type SectionBlock = {
  id: string;
  type: "section";
  title: string;
  description?: string;
  visibleIf?: string;
  children: FormBlock[];
  /** Set when the section was inserted from the form block library. */
  block?: { key: string; version: number };
};
/** Blocks side by side (one column each on a phone). Visual only, like a section. */
export type ColumnsBlock = {
  id: string;
  type: "columns";
  visibleIf?: string;
  columns: { children: FormBlock[] }[];
};
/** A paragraph of explanation (plain text; a blank line starts a new paragraph). */
export type StaticTextBlock = { id: string; type: "staticText"; text: string; visibleIf?: string };
export const displayFormats = ["text", "number", "currency", "percent", "date", "dateTime", "yesNo"] as const;
/** Shows the value of a variable an earlier step wrote, read-only; writes nothing. */
export type DisplayBlock = {
  id: string;
  type: "display";
  label: string;
  variable: string;
  format?: (typeof displayFormats)[number];
  /** For `format: "currency"`: ISO 4217 code. */
  currency?: string;
  help?: string;
  visibleIf?: string;
};
export type LayoutBlock = SectionBlock | ColumnsBlock | StaticTextBlock | DisplayBlock;
export type FormBlock = Field | LayoutBlock;

export const sectionBlockSchema: z.ZodType<SectionBlock> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    type: z.literal("section"),
    title: z.string().min(1),
    description: z.string().optional(),
    visibleIf,
    children: z.array(formBlockSchema),
    block: z.object({ key: z.string(), version: z.number().int().positive() }).optional(),
  }),
);
export const columnsBlockSchema: z.ZodType<ColumnsBlock> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    type: z.literal("columns"),
    visibleIf,
    columns: z.array(z.object({ children: z.array(formBlockSchema) })).min(1).max(4),
  }),
);
export const staticTextBlockSchema: z.ZodType<StaticTextBlock> = z.object({
  id: z.string().min(1),
  type: z.literal("staticText"),
  text: z.string().min(1),
  visibleIf,
});
export const displayBlockSchema: z.ZodType<DisplayBlock> = z.object({
  id: z.string().min(1),
  type: z.literal("display"),
  label: z.string().min(1),
  variable: variablePathSchema,
  format: z.enum(displayFormats).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "a three-letter ISO 4217 code such as EUR").optional(),
  help: z.string().optional(),
  visibleIf,
});
export const formBlockSchema: z.ZodType<FormBlock> = z.lazy(() =>
  z.union([fieldSchema, sectionBlockSchema, columnsBlockSchema, staticTextBlockSchema, displayBlockSchema]),
);

export const formDefinitionSchema = z.object({
  schemaVersion: z.literal(FORM_SCHEMA_VERSION),
  title: z.string().optional(),
  description: z.string().optional(),
  blocks: z.array(formBlockSchema),
});
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

export function isLayoutBlock(block: FormBlock): block is LayoutBlock {
  return (layoutBlockTypes as readonly string[]).includes(block.type);
}

/** The block lists inside a block, each with its path below the block (sections and columns nest). */
export function innerBlockLists(block: FormBlock): { blocks: FormBlock[]; path: (string | number)[] }[] {
  if (block.type === "section") return [{ blocks: block.children, path: ["children"] }];
  if (block.type === "columns") return block.columns.map((c, i) => ({ blocks: c.children, path: ["columns", i, "children"] }));
  return [];
}

/** Every field of a form, depth first, with the layout blocks left out (a table's columns stay inside it). */
export function formFields(form: FormDefinition | undefined): Field[] {
  const out: Field[] = [];
  const walk = (blocks: FormBlock[]) => {
    for (const b of blocks) {
      if (isLayoutBlock(b)) for (const inner of innerBlockLists(b)) walk(inner.blocks);
      else out.push(b);
    }
  };
  if (form) walk(form.blocks);
  return out;
}
