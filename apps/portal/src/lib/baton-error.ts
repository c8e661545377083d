import type { FieldError } from "@baton/forms/react";

export type BatonErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "INVALID_DATA"
  | "INVALID_PROCESS";

/** What the server says about an error the user can act on (`error.data.baton`, see API.md). */
export type BatonError = {
  code: BatonErrorCode;
  message: string;
  fieldErrors: FieldError[];
};

const CODES = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_INPUT",
  "INVALID_DATA",
  "INVALID_PROCESS",
]);

/**
 * Reads `error.data.baton` from a tRPC client error, checking its shape,
 * since it crosses the network. Null for anything else (a network failure,
 * a bug on the server): the caller shows `userMessage` for those.
 */
export function batonError(error: unknown): BatonError | null {
  if (typeof error !== "object" || error === null) return null;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null) return null;
  const baton = (data as { baton?: unknown }).baton;
  if (typeof baton !== "object" || baton === null) return null;
  const { code, message, fieldErrors } = baton as Record<string, unknown>;
  if (typeof code !== "string" || !CODES.has(code)) return null;
  return {
    code: code as BatonErrorCode,
    message: typeof message === "string" ? message : "Something went wrong.",
    fieldErrors: Array.isArray(fieldErrors) ? fieldErrors.filter(isFieldError) : [],
  };
}

/**
 * A sentence for any error: the server's own when the server answered (its
 * messages are written for users, see API.md), a plain one when it could
 * not be reached.
 */
export function userMessage(error: unknown): string {
  const baton = batonError(error);
  if (baton) return baton.message;
  const answered = typeof error === "object" && error !== null && (error as { shape?: unknown }).shape;
  if (answered && error instanceof Error && error.message) return error.message;
  if (error instanceof Error && /fetch|network|load failed/i.test(error.message)) {
    return "Baton could not be reached. Check your connection and try again.";
  }
  return "Something went wrong on our side. Please try again.";
}

function isFieldError(v: unknown): v is FieldError {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as FieldError).path === "string" &&
    typeof (v as FieldError).message === "string"
  );
}
