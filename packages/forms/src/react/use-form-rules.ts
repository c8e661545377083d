import type { CompiledForm } from "@baton/model";
import { useMemo, useRef } from "react";
import { formLayout } from "../form-layout.ts";
import { formRules } from "../rules/form-rules.ts";
import { formView, viewKey } from "../rules/form-view.ts";
import { resolveFormRules, type RuleResolution } from "../rules/resolve-rules.ts";

type Data = Record<string, unknown>;

export type FormRulesState = {
  /** What rjsf renders and validates now: hidden fields gone, rule-required ones required. */
  view: CompiledForm;
  /** The data rjsf shows (without hidden values). */
  data: Data;
  /** Resolves data rjsf reported, remembering hidden answers; returns the data to keep. */
  next: (data: Data) => Data;
};

/**
 * The browser side of a form's rules: the same `resolveFormRules` the
 * server validates with, over the data being typed and the instance's
 * variables. A field that a rule hides is not rendered and not required,
 * and its value leaves the data (a hidden field is never stored, not even
 * in a draft), but this form remembers it: switch the card back to gold
 * and the gold benefits ticked a moment ago are there again.
 *
 * Views are kept per rule outcome, so typing that changes no rule hands
 * rjsf the same schema object (and ajv its compiled validator).
 */
export function useFormRules(compiled: CompiledForm, formData: Data, variables: Readonly<Record<string, unknown>>): FormRulesState {
  const rules = useMemo(() => formRules(compiled.schema), [compiled.schema]);
  const views = useMemo(() => new Map<string, CompiledForm>(), [compiled]);
  const layout = useMemo(() => formLayout(compiled.uiSchema), [compiled.uiSchema]);
  // Answers of hidden fields, by key; starts with those in the data the page loaded.
  const stash = useRef<Data | null>(null);
  // What `next` resolved last: the page handing that data back needs no second resolution.
  const resolved = useRef<{ data: Data; resolution: RuleResolution; rules: typeof rules; variables: typeof variables } | null>(null);
  // Per data object: a render that hands the same data again resolves nothing again.
  return useMemo(() => {
    if (rules.length === 0) return { view: compiled, data: formData, next: (data: Data) => data };
    const last = resolved.current;
    let resolution: RuleResolution;
    if (last && last.data === formData && last.rules === rules && last.variables === variables) {
      resolution = last.resolution;
    } else {
      stash.current ??= hiddenValues(resolveFormRules(rules, formData, variables), formData);
      resolution = resolveFormRules(rules, { ...stash.current, ...formData }, variables);
    }
    const key = viewKey(resolution, layout);
    const view = views.get(key) ?? formView(compiled, resolution);
    if (views.size > 50) views.clear();
    views.set(key, view);
    return {
      view,
      data: resolution.data,
      next: (data: Data) => {
        const candidate = { ...stash.current, ...data };
        const after = resolveFormRules(rules, candidate, variables);
        stash.current = hiddenValues(after, candidate);
        resolved.current = { data: after.data, resolution: after, rules, variables };
        return after.data;
      },
    };
  }, [rules, views, layout, compiled, formData, variables]);
}

function hiddenValues(resolution: RuleResolution, data: Data): Data {
  const out: Data = {};
  for (const key of resolution.hidden) if (Object.hasOwn(data, key)) out[key] = data[key];
  return out;
}
