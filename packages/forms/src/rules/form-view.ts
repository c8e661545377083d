import type { CompiledForm } from "@baton/model";
import { oneOfOptions } from "../blocks/common.ts";
import { type FormLayoutItem, LAYOUT_UI_KEY } from "../form-layout.ts";
import { RULES_KEY } from "./form-rules.ts";
import { type RuleResolution, ruleHolds } from "./resolve-rules.ts";

/**
 * The form as the browser shows it for one resolution of its rules (see
 * `resolve-rules.ts`): hidden fields and hidden layout blocks are gone (not
 * rendered, not validated), fields the rules make required are in
 * `required` (a text must then not be empty, a list not empty), and choices
 * from a variable list that variable's options. rjsf validates this schema,
 * so the browser refuses exactly what the server, reading the same rules,
 * refuses.
 */
export function formView(compiled: CompiledForm, resolution: RuleResolution): CompiledForm {
  const source = compiled.schema as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, property] of Object.entries(source.properties ?? {})) {
    if (!resolution.hidden.has(key)) properties[key] = property;
  }
  for (const key of resolution.required) {
    const property = properties[key];
    if (!property) continue;
    if (property.type === "string") properties[key] = { ...property, minLength: Math.max(Number(property.minLength ?? 0), 1) };
    if (property.type === "array") properties[key] = { ...property, minItems: Math.max(Number(property.minItems ?? 0), 1) };
  }
  for (const [key, options] of resolution.options) {
    const property = properties[key];
    if (!property) continue;
    properties[key] =
      property.type === "array"
        ? { ...property, items: { ...(property.items as object), ...oneOfOptions(options) } }
        : { ...property, ...oneOfOptions(options) };
  }
  const required = [...(source.required ?? []), ...resolution.required].filter(
    (key, i, all) => !resolution.hidden.has(key) && all.indexOf(key) === i,
  );
  const { [RULES_KEY]: _rules, ...rest } = compiled.schema;
  const schema = { ...rest, properties, required };

  const uiSchema: Record<string, unknown> = { ...compiled.uiSchema };
  const order = compiled.uiSchema["ui:order"];
  if (Array.isArray(order)) uiSchema["ui:order"] = order.filter((key) => !resolution.hidden.has(String(key)));
  const layout = compiled.uiSchema[LAYOUT_UI_KEY];
  if (Array.isArray(layout)) uiSchema[LAYOUT_UI_KEY] = visibleLayout(layout as FormLayoutItem[], resolution);
  return { schema, uiSchema };
}

/** The layout without hidden fields and without layout blocks whose own rule does not hold. */
export function visibleLayout(items: readonly FormLayoutItem[], resolution: RuleResolution): FormLayoutItem[] {
  const out: FormLayoutItem[] = [];
  for (const item of items) {
    if (item.type === "field") {
      if (!resolution.hidden.has(item.key)) out.push(item);
      continue;
    }
    if (item.visibleIf !== undefined && !ruleHolds(item.visibleIf, resolution.scope)) continue;
    if (item.type === "section") out.push({ ...item, items: visibleLayout(item.items, resolution) });
    else if (item.type === "columns") out.push({ ...item, columns: item.columns.map((c) => visibleLayout(c, resolution)) });
    else out.push(item);
  }
  return out;
}

/**
 * A short key for a resolution's effect on the view, so a page can reuse
 * the view (and rjsf its compiled validator) while typing changes nothing
 * the rules care about.
 */
export function viewKey(resolution: RuleResolution, layout: readonly FormLayoutItem[] | undefined): string {
  const layoutRules: boolean[] = [];
  const walk = (items: readonly FormLayoutItem[]) => {
    for (const item of items) {
      if (item.type === "field") continue;
      if (item.visibleIf !== undefined) layoutRules.push(ruleHolds(item.visibleIf, resolution.scope));
      if (item.type === "section") walk(item.items);
      if (item.type === "columns") item.columns.forEach(walk);
    }
  };
  if (layout) walk(layout);
  return JSON.stringify([[...resolution.hidden], [...resolution.required], [...resolution.options], layoutRules]);
}
