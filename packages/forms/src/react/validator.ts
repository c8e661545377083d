import { customizeValidator } from "@rjsf/validator-ajv8";

/**
 * One validator for every Baton form. `customizeValidator` adds the
 * ajv-formats set, so `format: "email"` and `format: "date"` are checked in
 * the browser the way the server checks them. ajv caches compiled schemas,
 * so sharing the instance keeps re-renders cheap.
 */
export const batonValidator = customizeValidator();
