import { describe, expect, it } from "vitest";
import { compileForm } from "@baton/forms";
import { checkFormData } from "./form-data.ts";
import type { UserError } from "./errors.ts";

const form = compileForm({
  schemaVersion: 1,
  blocks: [
    { id: "f1", type: "text", key: "name", label: "Name", required: true },
    { id: "f2", type: "text", key: "branch", label: "Branch", required: false, readOnly: true, default: "Berlin" },
    { id: "f3", type: "number", key: "score", label: "Score", required: false, readOnly: true },
  ],
});

describe("server-side form data check", () => {
  it("keeps read-only fields at their designed value whatever the browser sends", () => {
    expect(checkFormData(form, { name: "Ada", branch: "Paris", score: 99 }, "the form")).toEqual({ name: "Ada", branch: "Berlin" });
  });

  it("refuses data that is not an object, and data for a step without a form", () => {
    expect(() => checkFormData(form, [1, 2], "the form")).toThrow(/must be an object/);
    expect(() => checkFormData(undefined, { x: 1 }, "the review")).toThrow(/has no form/);
    expect(checkFormData(undefined, undefined, "the review")).toEqual({});
  });

  it("names every failing field", () => {
    const error = (() => {
      try {
        checkFormData(form, { name: "" }, "the form");
      } catch (e) {
        return e as UserError;
      }
    })();
    expect(error?.code).toBe("INVALID_DATA");
    expect(error?.fieldErrors).toEqual([{ path: "/name", message: expect.stringMatching(/Name/) }]);
  });
});
