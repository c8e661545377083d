import type { Problem } from "@baton/model";

export type BatonErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "INVALID_DATA"
  | "INVALID_PROCESS"
  /** A bug or outage on the server; its message says so politely. */
  | "INTERNAL"
  /** The server could not be reached or answered with something unexpected. */
  | "NETWORK"
  | "UNKNOWN";

export type BatonError = {
  code: BatonErrorCode;
  message: string;
  problems?: Problem[];
  fieldErrors?: { path: string; message: string }[];
};

const knownCodes = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_INPUT",
  "INVALID_DATA",
  "INVALID_PROCESS",
  "INTERNAL",
]);

// tRPC's own codes, for errors the server raised without a `baton` payload.
const trpcCodes: Record<string, BatonErrorCode> = {
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "INVALID_INPUT",
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

/**
 * Reads what the user can act on out of anything a tRPC call threw: the
 * contract's `error.data.baton` when present, else tRPC's code, else a
 * network failure. Always returns a sentence fit to show.
 */
export function readBatonError(error: unknown): BatonError {
  if (!isRecord(error)) return { code: "UNKNOWN", message: "Something went wrong." };
  const data = isRecord(error.data) ? error.data : undefined;
  const baton = data && isRecord(data.baton) ? data.baton : undefined;
  if (baton && typeof baton.code === "string" && knownCodes.has(baton.code)) {
    const out: BatonError = {
      code: baton.code as BatonErrorCode,
      message: typeof baton.message === "string" ? baton.message : String(error.message ?? ""),
    };
    if (Array.isArray(baton.problems)) out.problems = baton.problems as Problem[];
    if (Array.isArray(baton.fieldErrors)) out.fieldErrors = baton.fieldErrors as BatonError["fieldErrors"];
    return out;
  }
  const message = typeof error.message === "string" && error.message ? error.message : "Something went wrong.";
  const trpcCode = data && typeof data.code === "string" ? trpcCodes[data.code] : undefined;
  if (trpcCode) return { code: trpcCode, message };
  // fetch() rejects with a TypeError ("Failed to fetch") when the server is
  // down; tRPC wraps it without `data`.
  if (!data && /fetch|network|load failed/i.test(message)) {
    return { code: "NETWORK", message: "Could not reach the Baton server. Check your connection and try again." };
  }
  return { code: "UNKNOWN", message };
}
