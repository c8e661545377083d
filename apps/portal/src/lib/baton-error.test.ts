import { describe, expect, it } from "vitest";
import { batonError, userMessage } from "./baton-error.ts";

/** Shaped like a TRPCClientError: the server's answer in `shape`/`data`. */
function serverError(message: string, baton: unknown) {
  return Object.assign(new Error(message), { shape: { message }, data: { baton } });
}

describe("batonError", () => {
  it("reads the code, message and field errors the server sent", () => {
    const err = serverError("Please check the form.", {
      code: "INVALID_DATA",
      message: "Please check the form.",
      fieldErrors: [{ path: "/phone", message: "Phone is required." }, { path: 3 }],
    });
    expect(batonError(err)).toEqual({
      code: "INVALID_DATA",
      message: "Please check the form.",
      fieldErrors: [{ path: "/phone", message: "Phone is required." }],
    });
  });

  it("is null for errors without a known Baton code", () => {
    expect(batonError(new TypeError("Failed to fetch"))).toBeNull();
    expect(batonError(serverError("x", { code: "TEAPOT", message: "x" }))).toBeNull();
  });
});

describe("userMessage", () => {
  it("uses the server's sentence, or says the server could not be reached", () => {
    expect(userMessage(serverError("This task was changed in another window.", { code: "CONFLICT", message: "This task was changed in another window." }))).toBe(
      "This task was changed in another window.",
    );
    expect(userMessage(new TypeError("Failed to fetch"))).toMatch(/could not be reached/);
    expect(userMessage(serverError("Internal problem, sorry.", undefined))).toBe("Internal problem, sorry.");
  });
});
