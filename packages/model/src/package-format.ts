import type { ProcessDefinition } from "./process-definition.ts";

/** JSON Schema and uiSchema of one compiled form (see `@baton/forms`). */
export type CompiledForm = {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
};

/**
 * A published runtime package: immutable once stored. The engine runs on
 * `definition`; the portal renders `forms`; the server validates against
 * `forms`. `hash` is the SHA-256 of the canonical JSON of definition+forms.
 */
export type RuntimePackage = {
  processKey: string;
  version: number;
  hash: string;
  definition: ProcessDefinition;
  /** Keyed by step id: the start step's and each user task's form. */
  forms: Record<string, CompiledForm>;
};
