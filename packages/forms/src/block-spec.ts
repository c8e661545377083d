import type { Field, SectionBlock } from "@baton/model";
import type { FormLayoutItem, FormLayoutSection } from "./form-layout.ts";

/** JSON Schema of one field (a property of the form's object schema). */
export type JsonSchema = Record<string, unknown>;
/** rjsf uiSchema entries of one field (`ui:widget`, `ui:help`, ...). */
export type UiSchema = Record<string, unknown>;

export type CompiledField = { schema: JsonSchema; uiSchema: UiSchema };

/**
 * What a field block type contributes: its palette entry, a fresh block for
 * the designer to drop on a form, and its translation to JSON Schema +
 * uiSchema. One spec per file in `blocks/`, collected in `registry.ts`.
 */
export type FieldBlockSpec<F extends Field = Field> = {
  kind: "field";
  type: F["type"];
  /** Name in the designer's palette. */
  label: string;
  create: (ids: { id: string; key: string }) => F;
  // Method syntax on purpose: a spec for one field type must be storable as
  // a spec for any field (the registry picks the right one by `type`).
  compile(field: F): CompiledField;
};

/**
 * Sections group fields visually and add no data (see `form-layout.ts`):
 * they compile to a layout entry around their children's entries.
 */
export type SectionBlockSpec = {
  kind: "section";
  type: "section";
  label: string;
  create: (ids: { id: string }) => SectionBlock;
  compile: (section: SectionBlock, items: FormLayoutItem[]) => FormLayoutSection;
};

export type BlockSpec = FieldBlockSpec | SectionBlockSpec;
