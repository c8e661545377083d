import { z } from "zod";

/**
 * A form is a tree of field blocks. It is the only thing the (future) form
 * designer produces and the only thing the renderer consumes, through the
 * JSON Schema + uiSchema that `@baton/forms` compiles from it.
 */
export const FORM_SCHEMA_VERSION = 1 as const;

/** Variable-safe key: letters, digits, underscore; starts with a letter. */
export const fieldKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "use letters, digits and _ and start with a letter");

export const fieldTypes = [
  "text",
  "longText",
  "number",
  "date",
  "select",
  "yesNo",
  "email",
  "phone",
] as const;
export type FieldType = (typeof fieldTypes)[number];

export const selectOptionSchema = z.object({
  value: z.string().min(1),
  label: z.string().min(1),
});
export type SelectOption = z.infer<typeof selectOptionSchema>;

const fieldBase = {
  id: z.string().min(1),
  key: fieldKeySchema,
  label: z.string().min(1),
  help: z.string().optional(),
  placeholder: z.string().optional(),
  required: z.boolean().default(false),
  readOnly: z.boolean().optional(),
};

export const textFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("text"),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  default: z.string().optional(),
});
export const longTextFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("longText"),
  maxLength: z.number().int().positive().optional(),
  default: z.string().optional(),
});
export const numberFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("number"),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  integer: z.boolean().optional(),
  default: z.number().optional(),
});
export const dateFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("date"),
  default: z.string().optional(),
});
export const selectFieldSchema = z.object({
  ...fieldBase,
  type: z.literal("select"),
  options: z.array(selectOptionSchema),
  default: z.string().optional(),
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

export const fieldSchema = z.discriminatedUnion("type", [
  textFieldSchema,
  longTextFieldSchema,
  numberFieldSchema,
  dateFieldSchema,
  selectFieldSchema,
  yesNoFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
]);
export type Field = z.infer<typeof fieldSchema>;

/** A titled group of fields; groups nest. Its key (optional) nests the data. */
export type SectionBlock = {
  id: string;
  type: "section";
  title: string;
  description?: string;
  children: FormBlock[];
};
export type FormBlock = Field | SectionBlock;

export const sectionBlockSchema: z.ZodType<SectionBlock> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    type: z.literal("section"),
    title: z.string().min(1),
    description: z.string().optional(),
    children: z.array(formBlockSchema),
  }),
);
export const formBlockSchema: z.ZodType<FormBlock> = z.lazy(() =>
  z.union([fieldSchema, sectionBlockSchema]),
);

export const formDefinitionSchema = z.object({
  schemaVersion: z.literal(FORM_SCHEMA_VERSION),
  title: z.string().optional(),
  description: z.string().optional(),
  blocks: z.array(formBlockSchema),
});
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** Every field of a form, depth first, with the sections left out. */
export function formFields(form: FormDefinition | undefined): Field[] {
  const out: Field[] = [];
  const walk = (blocks: FormBlock[]) => {
    for (const b of blocks) {
      if (b.type === "section") walk(b.children);
      else out.push(b);
    }
  };
  if (form) walk(form.blocks);
  return out;
}
