import { z } from "zod";
import { formBlockSchema, type FormBlock } from "../form-definition.ts";
import { processKeySchema } from "../process-definition.ts";

/**
 * A form block: a named group of form fields ("Customer contact",
 * "Shipping address") kept in a shared library and inserted into any
 * step's form as a section marked `block: { key, version }`. The library
 * stores immutable numbered versions; the version is not part of the
 * content, it is given when the block is inserted.
 */
export const FORM_BLOCK_FORMAT_VERSION = 1 as const;

export const formBlockDocumentSchema = z.object({
  formatVersion: z.literal(FORM_BLOCK_FORMAT_VERSION),
  key: processKeySchema,
  name: z.string().trim().min(1),
  description: z.string().default(""),
  blocks: z.array(formBlockSchema).min(1, "a form block needs at least one field"),
});
export type FormBlockDocument = z.infer<typeof formBlockDocumentSchema>;
export type FormBlockDocumentInput = z.input<typeof formBlockDocumentSchema>;

/** Copies of blocks as a form block document, ready to validate and save. */
export function formBlockFromFields(
  blocks: readonly FormBlock[],
  meta: { key: string; name: string; description?: string },
): FormBlockDocument {
  return {
    formatVersion: FORM_BLOCK_FORMAT_VERSION,
    key: meta.key,
    name: meta.name,
    description: meta.description ?? "",
    blocks: blocks.map((b) => structuredClone(b)),
  };
}
