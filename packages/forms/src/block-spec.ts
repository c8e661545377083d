import type { Field, LayoutBlock } from "@baton/model";
import type { FormLayoutItem } from "./form-layout.ts";

/** JSON Schema of one field (a property of the form's object schema). */
export type JsonSchema = Record<string, unknown>;
/** rjsf uiSchema entries of one field (`ui:widget`, `ui:help`, ...). */
export type UiSchema = Record<string, unknown>;

export type CompiledField = { schema: JsonSchema; uiSchema: UiSchema };

/**
 * What a field block type contributes: its palette entry, a fresh block for
 * the designer to drop on a form, and its translation to JSON Schema +
 * uiSchema. One spec per file in `blocks/`, collected in `registry.ts`.
 * Rules (visible-if, required-if, options from a variable) are not the
 * block's business: `compile-form.ts` collects them for the whole form.
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
 * Layout blocks (section, columns, static text, display) add no data (see
 * `form-layout.ts`): they compile to a layout entry around the entries of
 * the block lists inside them (a section has one, columns one per column).
 */
export type LayoutBlockSpec<B extends LayoutBlock = LayoutBlock> = {
  kind: "layout";
  type: B["type"];
  label: string;
  create: (ids: { id: string }) => B;
  compile(block: B, inner: FormLayoutItem[][]): FormLayoutItem;
};

export type BlockSpec = FieldBlockSpec | LayoutBlockSpec;
