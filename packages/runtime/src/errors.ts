import type { Problem } from "@baton/model";

/**
 * Errors by cause. A `UserError` is the user's to fix (bad input, a broken
 * business rule, a permission); it carries a code the API maps in one place
 * and a sentence a person can read. Anything else is a bug or an operational
 * failure: logged in full, shown to users only as a generic message.
 */
export type UserErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "INVALID_DATA"
  | "INVALID_PROCESS";

export type FieldError = { path: string; message: string };

export class UserError extends Error {
  readonly code: UserErrorCode;
  readonly fieldErrors?: FieldError[];
  readonly problems?: Problem[];

  constructor(code: UserErrorCode, message: string, details: { fieldErrors?: FieldError[]; problems?: Problem[] } = {}) {
    super(message);
    this.name = "UserError";
    this.code = code;
    if (details.fieldErrors) this.fieldErrors = details.fieldErrors;
    if (details.problems) this.problems = details.problems;
  }
}

export const notFound = (what: string) => new UserError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message: string) => new UserError("FORBIDDEN", message);
export const conflict = (message: string) => new UserError("CONFLICT", message);
export const invalidInput = (message: string) => new UserError("INVALID_INPUT", message);

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
