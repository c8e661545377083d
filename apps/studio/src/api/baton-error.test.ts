import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { readBatonError } from "./baton-error.ts";

// Error envelopes as the server's tRPC error formatter sends them (API.md).
const fromServer = (code: string, baton: Record<string, unknown> | undefined, message = "tRPC message") =>
  TRPCClientError.from({ error: { code: -32600, message, data: { code, httpStatus: 400, ...(baton ? { baton } : {}) } } });

describe("readBatonError", () => {
  it("reads the contract's code and message", () => {
    const error = fromServer("UNAUTHORIZED", { code: "UNAUTHENTICATED", message: "Wrong user name or password." });
    expect(readBatonError(error)).toEqual({ code: "UNAUTHENTICATED", message: "Wrong user name or password." });
  });

  it("keeps the problems of a refused publish", () => {
    const problems = [{ code: "process.no-end", message: "The process has no end.", severity: "error" }];
    const error = fromServer("BAD_REQUEST", { code: "INVALID_PROCESS", message: "The process has errors.", problems });
    expect(readBatonError(error)).toEqual({ code: "INVALID_PROCESS", message: "The process has errors.", problems });
  });

  it("falls back to tRPC's own code when there is no baton payload", () => {
    expect(readBatonError(fromServer("NOT_FOUND", undefined, "No such process."))).toEqual({
      code: "NOT_FOUND",
      message: "No such process.",
    });
  });

  it("recognises a server that cannot be reached", () => {
    const error = TRPCClientError.from(new TypeError("Failed to fetch"));
    expect(readBatonError(error).code).toBe("NETWORK");
    expect(readBatonError(error).message).toMatch(/could not reach/i);
  });

  it("never returns an empty message", () => {
    expect(readBatonError(null).message).toBe("Something went wrong.");
    expect(readBatonError(new Error("")).message).toBe("Something went wrong.");
  });
});
