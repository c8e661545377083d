import { z } from "zod";

/**
 * A published version as one file, to move it to another Baton: everything
 * the version is (compiled graph, forms as JSON Schema + uiSchema, BPMN XML,
 * the blocks it used) and says (label, release note, who published it and
 * when). Two seals: `hash` is the package's own content hash (SHA-256 of
 * the canonical JSON of `{ definition, forms }`, the same on every server),
 * and `checksum` covers every other field of the file, so neither the
 * process nor its note can be edited without the import noticing.
 */
export const PACKAGE_FILE_FORMAT = "baton.package" as const;
export const PACKAGE_FILE_FORMAT_VERSION = 1 as const;

const compiledFormSchema = z.object({ schema: z.record(z.string(), z.unknown()), uiSchema: z.record(z.string(), z.unknown()) });

export const packageFileSchema = z.object({
  format: z.literal(PACKAGE_FILE_FORMAT),
  formatVersion: z.literal(PACKAGE_FILE_FORMAT_VERSION),
  processKey: z.string().min(1),
  version: z.number().int().positive(),
  name: z.string().min(1),
  label: z.string().nullable(),
  releaseNote: z.string().nullable(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in hex"),
  /** Checked against the process schema on import, so an older or newer shape is told apart from a broken one. */
  definition: z.record(z.string(), z.unknown()),
  forms: z.record(z.string(), compiledFormSchema),
  bpmnXml: z.string().nullable(),
  usedBlocks: z.array(z.object({ key: z.string(), version: z.number().int().positive() })),
  publishedBy: z.string().nullable(),
  publishedAt: z.string(),
  exportedAt: z.string(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in hex"),
});
export type PackageFile = z.infer<typeof packageFileSchema>;
