import type { ErrorSchema } from "@rjsf/utils";
import type { FieldError } from "../field-error-message.ts";

/** A server-side validation error (INVALID_DATA): a JSON pointer into the form data and a sentence. */
export type { FieldError };

/** The id rjsf gives the input of a data path, with rjsf's default `root` prefix and `_` separator. */
export const ROOT_ID = "root";

/** Splits a JSON pointer (`/order/amount`, `""` for the whole form) into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  if (!pointer.startsWith("/")) {
    throw new Error(`"${pointer}" is not a JSON pointer: it must be empty or start with "/"`);
  }
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The rjsf element id of the field a data path points at (`["order","amount"]` → `root_order_amount`). */
export function fieldIdForPath(segments: readonly string[]): string {
  return [ROOT_ID, ...segments].join("_");
}

/**
 * Turns the server's field errors into the error schema rjsf shows next to
 * each field (`extraErrors`). Errors about the whole form land on the root.
 */
export function fieldErrorsToErrorSchema(errors: readonly FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const segment of pointerSegments(error.path)) {
      const child = node[segment];
      if (typeof child === "object" && child !== null) {
        node = child as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        node[segment] = created;
        node = created;
      }
    }
    const list = Array.isArray(node.__errors) ? (node.__errors as string[]) : [];
    list.push(error.message);
    node.__errors = list;
  }
  return root as ErrorSchema;
}

/**
 * The field errors that still apply after the user edited the field with
 * element id `changedId`: an edit answers the errors of that field (and of
 * anything inside it), so those go away until the next submit.
 */
export function withoutErrorsOfField(errors: readonly FieldError[], changedId: string): FieldError[] {
  return errors.filter((e) => {
    const id = fieldIdForPath(pointerSegments(e.path));
    return id !== changedId && !id.startsWith(`${changedId}_`);
  });
}
