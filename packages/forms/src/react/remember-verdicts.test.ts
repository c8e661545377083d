import type { RJSFSchema, ValidatorType } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import { describe, expect, it, vi } from "vitest";
import { rememberVerdicts } from "./remember-verdicts.ts";

const root: RJSFSchema = {
  type: "object",
  properties: { size: { type: "string", oneOf: [{ const: "s", title: "S" }, { const: "m", title: "M" }] } },
};
const [small, medium] = (root.properties!.size as RJSFSchema).oneOf as RJSFSchema[];

function counted() {
  const ajv = customizeValidator();
  const isValid = vi.fn((schema: RJSFSchema, data: unknown, rootSchema: RJSFSchema) => ajv.isValid(schema, data, rootSchema));
  const inner: ValidatorType = { ...ajv, isValid, validateFormData: ajv.validateFormData.bind(ajv), rawValidation: ajv.rawValidation.bind(ajv) };
  return { validator: rememberVerdicts(inner), isValid };
}

describe("rememberVerdicts", () => {
  it("answers as the validator does, asking it once per schema and value", () => {
    const { validator, isValid } = counted();
    for (let round = 0; round < 3; round++) {
      expect(validator.isValid(small!, "s", root)).toBe(true);
      expect(validator.isValid(small!, "m", root)).toBe(false);
      expect(validator.isValid(medium!, "m", root)).toBe(true);
      expect(validator.isValid(medium!, 3, root)).toBe(false);
    }
    expect(isValid).toHaveBeenCalledTimes(4);
  });

  it("knows a schema with an $id by it, as ajv does, and keeps root schemas apart", () => {
    const { validator, isValid } = counted();
    const junk = () => ({ $id: "junk", type: "object" }) as RJSFSchema;
    expect(validator.isValid(junk(), "s", root)).toBe(false);
    expect(validator.isValid(junk(), "s", root)).toBe(false);
    expect(isValid).toHaveBeenCalledTimes(1);
    validator.isValid(junk(), "s", { ...root });
    expect(isValid).toHaveBeenCalledTimes(2);
  });

  it("asks every time about objects and arrays, and afresh after a reset", () => {
    const { validator, isValid } = counted();
    validator.isValid({ type: "array" }, ["s"], root);
    validator.isValid({ type: "object" }, {}, root);
    validator.isValid(small!, "s", root);
    validator.reset!();
    validator.isValid(small!, "s", root);
    expect(isValid).toHaveBeenCalledTimes(4);
  });
});
