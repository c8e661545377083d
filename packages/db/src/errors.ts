/**
 * drizzle wraps driver errors ("Failed query: …") and keeps the database's
 * own error as `cause`. These read through that wrapping.
 */
type PgLikeError = { code?: string; message?: string; constraint?: string };

function rootCause(error: unknown): PgLikeError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e = current as PgLikeError & { cause?: unknown };
    if (typeof e.code === "string") return e;
    current = e.cause;
  }
  return undefined;
}

/** The PostgreSQL SQLSTATE of a failed query, e.g. "23505" for unique violations. */
export function pgErrorCode(error: unknown): string | undefined {
  return rootCause(error)?.code;
}

/** The database's message of a failed query (not drizzle's "Failed query"). */
export function pgErrorMessage(error: unknown): string | undefined {
  return rootCause(error)?.message;
}

export const PG_UNIQUE_VIOLATION = "23505";
export const PG_SERIALIZATION_FAILURE = "40001";
