import { readFileSync } from "node:fs";
import { processDefinitionSchema } from "@baton/model";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { validateFormData } from "./validate-data.ts";

/** The start form of templates/credit-application, as publishing compiles it. */
const definition = processDefinitionSchema.parse(
  JSON.parse(readFileSync(new URL("../../../templates/credit-application/process.json", import.meta.url), "utf8")),
);
const start = definition.steps.find((s) => s.kind === "start");
if (start?.kind !== "start" || !start.form) throw new Error("the template has no start form");
const form = compileForm(start.form);

const application = {
  applicantName: "Ada Lovelace",
  email: "ada@example.com",
  product: "consumer",
  amount: 12000,
  termMonths: 48,
  category: "standard",
  loans: [
    { lender: "Bank A", monthlyPayment: 250.5 },
    { lender: "Car dealer", monthlyPayment: 199.99 },
  ],
};

describe("the credit application's start form", () => {
  test("a standard card: the gold answers are not stored", () => {
    const result = validateFormData(form, { ...application, benefits: ["lounge"], homeAirport: "BER" });
    expect(result).toEqual({ ok: true, data: application, hidden: ["benefits", "homeAirport"] });
  });

  test("a gold card needs its benefits; the lounge needs the home airport", () => {
    expect(validateFormData(form, { ...application, category: "gold" })).toEqual({
      ok: false,
      fieldErrors: [{ path: "/benefits", message: "Gold card benefits is required." }],
    });
    expect(validateFormData(form, { ...application, category: "gold", benefits: ["lounge"] })).toEqual({
      ok: false,
      fieldErrors: [{ path: "/homeAirport", message: "Home airport is required." }],
    });
    expect(validateFormData(form, { ...application, category: "gold", benefits: ["lounge"], homeAirport: "BER" })).toMatchObject({ ok: true });
  });

  test("above 50 000 EUR the purpose is required", () => {
    expect(validateFormData(form, { ...application, amount: 80000 })).toEqual({
      ok: false,
      fieldErrors: [{ path: "/purpose", message: "Purpose of the credit is required." }],
    });
    expect(validateFormData(form, { ...application, amount: 80000, purpose: "A flat" })).toMatchObject({ ok: true });
  });
});
