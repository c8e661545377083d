import { describe, expect, it } from "vitest";
import { fieldErrorsToErrorSchema, fieldIdForPath, pointerSegments, withoutErrorsOfField } from "./error-schema.ts";

describe("fieldErrorsToErrorSchema", () => {
  it("puts each server error at its field, nested ones nested, form-level ones on the root", () => {
    expect(
      fieldErrorsToErrorSchema([
        { path: "/phone", message: "Phone is required." },
        { path: "/phone", message: "Phone must be a phone number." },
        { path: "/order/amount", message: "Amount must be at least 0." },
        { path: "", message: "The form data is not valid." },
      ]),
    ).toEqual({
      __errors: ["The form data is not valid."],
      phone: { __errors: ["Phone is required.", "Phone must be a phone number."] },
      order: { amount: { __errors: ["Amount must be at least 0."] } },
    });
  });

  it("unescapes JSON pointer segments", () => {
    expect(pointerSegments("/a~1b/c~0d")).toEqual(["a/b", "c~d"]);
    expect(pointerSegments("")).toEqual([]);
  });

  it("refuses a path that is not a JSON pointer, saying which", () => {
    expect(() => fieldErrorsToErrorSchema([{ path: "phone", message: "x" }])).toThrow(/"phone" is not a JSON pointer/);
  });
});

describe("withoutErrorsOfField", () => {
  const errors = [
    { path: "/phone", message: "a" },
    { path: "/order/amount", message: "b" },
    { path: "/email", message: "c" },
  ];

  it("drops the errors of the edited field and of fields inside it", () => {
    expect(withoutErrorsOfField(errors, fieldIdForPath(["phone"]))).toEqual([errors[1], errors[2]]);
    expect(withoutErrorsOfField(errors, "root_order")).toEqual([errors[0], errors[2]]);
  });

  it("keeps everything when the edited field had no error", () => {
    expect(withoutErrorsOfField(errors, "root_name")).toEqual(errors);
  });
});
