import type { FormContextType, RJSFSchema, StrictRJSFSchema, ValidatorType } from "@rjsf/utils";

/** Verdicts kept per (sub)schema; a schema matched against many different values starts over past this. */
const VALUES_PER_SCHEMA = 200;

/**
 * A validator that remembers `isValid` verdicts on single values. rjsf asks
 * `isValid` while it computes defaults, which it does for the whole form on
 * every change: each choice field's options are matched against its value
 * (a select with three options is six questions, each hashing and re-prefixing
 * the option schema before ajv answers), so a large form asks hundreds of them
 * per keystroke, almost all asked before. A verdict depends only on the
 * schema, the root schema it refers into and the value; rjsf and Baton never
 * change a schema object once built, so verdicts are kept per schema object
 * (forgotten with it) and per value. A schema with an `$id` is known by it,
 * as ajv knows it (rjsf builds its "junk option" afresh for every question).
 * Only values that are not objects or arrays are remembered; other questions
 * go to the validator every time.
 */
export function rememberVerdicts<T = any, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = any>(
  validator: ValidatorType<T, S, F>,
): ValidatorType<T, S, F> {
  type Verdicts = Map<unknown, boolean>;
  let byRoot = new WeakMap<S, { bySchema: WeakMap<S, Verdicts>; byId: Map<string, Verdicts> }>();
  const verdictsOf = (schema: S, rootSchema: S): Verdicts => {
    let root = byRoot.get(rootSchema);
    if (!root) byRoot.set(rootSchema, (root = { bySchema: new WeakMap(), byId: new Map() }));
    const id = schema.$id;
    let verdicts = typeof id === "string" ? root.byId.get(id) : root.bySchema.get(schema);
    if (!verdicts) {
      verdicts = new Map();
      if (typeof id === "string") root.byId.set(id, verdicts);
      else root.bySchema.set(schema, verdicts);
    }
    return verdicts;
  };
  return {
    validateFormData: (formData, schema, customValidate, transformErrors, uiSchema) =>
      validator.validateFormData(formData, schema, customValidate, transformErrors, uiSchema),
    rawValidation: (schema, formData) => validator.rawValidation(schema, formData),
    reset: () => {
      byRoot = new WeakMap();
      validator.reset?.();
    },
    isValid(schema, formData, rootSchema) {
      if (!isObject(schema) || !isObject(rootSchema) || isObject(formData)) {
        return validator.isValid(schema, formData, rootSchema);
      }
      const verdicts = verdictsOf(schema, rootSchema);
      let verdict = verdicts.get(formData);
      if (verdict === undefined) {
        verdict = validator.isValid(schema, formData, rootSchema);
        if (verdicts.size >= VALUES_PER_SCHEMA) verdicts.clear();
        verdicts.set(formData, verdict);
      }
      return verdict;
    },
  };
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
