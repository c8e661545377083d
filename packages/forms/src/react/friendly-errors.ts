import type { RJSFValidationError } from "@rjsf/utils";
import { describeSchemaError } from "../field-error-message.ts";
import { pointerSegments } from "./error-schema.ts";
import { propertySegments } from "./property-path.ts";

/**
 * rjsf's `transformErrors` for Baton forms: ajv's "must have required
 * property 'phone'" becomes the sentence the server would answer ("Phone is
 * required.", or the field's own `errorMessage`), from the same
 * `describeSchemaError`, so the browser and the server never word one
 * problem two ways, nor list them in another order. Restating errors (each
 * `oneOf` branch's `const`) go.
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
    // The description may move the error (a bad value in a list of choices belongs to the list).
    const property = described.path === "" ? e.property : `.${pointerSegments(described.path).join(".")}`;
    out.push({ ...e, property, message: described.message, stack: described.message });
  }
  // In the order of the form, as the server lists them (ajv reports missing fields first).
  const order = Object.keys((rootSchema as { properties?: object }).properties ?? {});
  const position = (e: RJSFValidationError) => {
    const i = order.indexOf(propertySegments(e.property)[0] ?? "");
    return i === -1 ? order.length : i;
  };
  return out.map((e, i) => ({ e, i })).sort((a, b) => position(a.e) - position(b.e) || a.i - b.i).map((x) => x.e);
}
