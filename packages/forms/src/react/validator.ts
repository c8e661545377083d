import type { ValidatorType } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import { rememberVerdicts } from "./remember-verdicts.ts";

/**
 * One validator for every Baton form. `customizeValidator` adds the
 * ajv-formats set, so `format: "email"` and `format: "date"` are checked in
 * the browser the way the server checks them. ajv caches compiled schemas,
 * so sharing the instance keeps re-renders cheap; the `isValid` verdicts rjsf
 * asks for on every change are remembered on top (see `rememberVerdicts`).
 */
export const batonValidator: ValidatorType = rememberVerdicts(customizeValidator());
