import type { RJSFValidationError } from "@rjsf/utils";
import { describeSchemaError } from "../field-error-message.ts";
import { propertySegments } from "./property-path.ts";

/**
 * rjsf's `transformErrors` for Baton forms: ajv's "must have required
 * property 'phone'" becomes the sentence the server would answer ("Phone is
 * required.", or the field's own `errorMessage`), from the same
 * `describeSchemaError`, so the browser and the server never word one
 * problem two ways. Restating errors (each `oneOf` branch's `const`) go.
 */
export function friendlyErrors(
  errors: RJSFValidationError[],
  rootSchema: object,
  data: unknown,
): RJSFValidationError[] {
  const out: RJSFValidationError[] = [];
  for (const e of errors) {
    if (!e.name) {
      out.push(e);
      continue;
    }
    const segments = propertySegments(e.property);
    // rjsf reports a missing property at the property itself; ajv, at its parent object.
    const instanceSegments = e.name === "required" ? segments.slice(0, -1) : segments;
    const described = describeSchemaError(
      rootSchema,
      {
        keyword: e.name,
        instancePath: instanceSegments.map((s) => `/${s.replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""),
        params: (e.params ?? {}) as Record<string, unknown>,
        schemaPath: e.schemaPath,
      },
      data,
    );
    if (described === null) continue;
    out.push({ ...e, message: described.message, stack: described.message });
  }
  return out;
}
