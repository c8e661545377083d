import { type CompiledForm, formDefinitionSchema } from "@baton/model";
import type { RJSFSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { formRules } from "./rules/form-rules.ts";
import { formView } from "./rules/form-view.ts";
import { resolveFormRules } from "./rules/resolve-rules.ts";
import { formData, generatedForm, holds, variables } from "./test-support/form-arbitraries.ts";
import { validateFormData } from "./validate-data.ts";

/** Hundreds of random cases each: a minute, so a busy CI machine is not mistaken for a failure. */
const PROPERTY_TIMEOUT = 60_000;

/**
 * Random form trees (every block type, nested layout, rules) with random
 * data and variables. The oracle is independent of the code under test: a
 * fresh ajv for the schema, and the rules' meaning written out in
 * `holds` instead of read through feelin.
 */
const independentAjv = new Ajv({ allErrors: true, strict: false, multipleOfPrecision: 8 });
addFormats(independentAjv);

const formWithData = generatedForm.chain((generated) => {
  const compiled = compileForm(generated.form);
  return fc.record({
    generated: fc.constant(generated),
    compiled: fc.constant(compiled),
    data: formData(generated.form),
    vars: variables(generated.form),
  });
});

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

describe("the form compiler, on random form trees", () => {
  test("never throws, and always yields a draft-07 schema with a rule for every conditional field", () => {
    fc.assert(
      fc.property(generatedForm, ({ form }) => {
        expect(formDefinitionSchema.parse(form)).toEqual(form);
        const compiled = compileForm(form);
        expect(independentAjv.validateSchema(compiled.schema)).toBe(true);
        const rules = formRules(compiled.schema);
        const required = compiled.schema.required as string[];
        for (const rule of rules) if (rule.visibleIf) expect(required).not.toContain(rule.key);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);
});

describe("the server validator, on random forms, data and variables", () => {
  test("never throws; what it accepts satisfies the schema, stores no hidden value and misses no required one", () => {
    fc.assert(
      fc.property(formWithData, ({ generated, compiled, data, vars }) => {
        const result = validateFormData(compiled, data, { variables: vars });
        if (!result.ok) {
          expect(result.fieldErrors.length).toBeGreaterThan(0);
          return;
        }
        const stored = result.data;
        expect(independentAjv.validate(compiled.schema, stored), JSON.stringify(independentAjv.errors)).toBe(true);
        const scope = { ...vars, ...stored };
        for (const rule of formRules(compiled.schema)) {
          const verdicts = (rule.visibleIf ?? []).map((text) => holds(generated.conditions.get(text)!, scope));
          if (verdicts.includes(false)) {
            expect(stored, `hidden ${rule.key}`).not.toHaveProperty(rule.key);
            continue;
          }
          if (verdicts.includes(undefined)) continue; // the oracle cannot tell (see `holds`)
          const requiredIf = rule.requiredIf ? holds(generated.conditions.get(rule.requiredIf)!, scope) : false;
          if (rule.required || requiredIf === true) expect(isEmpty(stored[rule.key]), rule.key).toBe(false);
          if (rule.optionsFrom && stored[rule.key] !== undefined) {
            const offered = Array.isArray(vars[rule.optionsFrom]) ? (vars[rule.optionsFrom] as string[]) : [];
            const given = ([] as unknown[]).concat(stored[rule.key]);
            expect(given.every((v) => offered.includes(v as string))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);

  test("refuses exactly the fields the browser (rjsf on the same rules' view) refuses", () => {
    const browserKeys = (compiled: CompiledForm, data: Record<string, unknown>, vars: Record<string, unknown>) => {
      const resolution = resolveFormRules(formRules(compiled.schema), data, vars);
      const view = formView(compiled, resolution);
      const { errors } = validator.validateFormData(resolution.data, view.schema as RJSFSchema);
      const keys = errors.map((e) => {
        const first = (e.property ?? "").split(".").filter((s) => s !== "")[0];
        // rjsf names an unknown key at the root by the root; the key is in the params.
        return first ?? String((e.params as { additionalProperty?: string }).additionalProperty ?? "");
      });
      return [...new Set(keys)].sort();
    };
    fc.assert(
      fc.property(formWithData, ({ compiled, data, vars }) => {
        const result = validateFormData(compiled, data, { variables: vars });
        const server = result.ok ? [] : [...new Set(result.fieldErrors.map((e) => e.path.split("/")[1] ?? ""))].sort();
        expect(server).toEqual(browserKeys(compiled, data, vars));
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT);
});
