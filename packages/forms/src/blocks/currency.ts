import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, boundsOf } from "./common.ts";

type CurrencyField = Extract<Field, { type: "currency" }>;

/** Decimal places of a currency's minor unit (EUR 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // a malformed code: `validate` reports it; the form still compiles
  }
}

/**
 * An amount of money: a number in the currency's precision (`multipleOf`;
 * both ajv instances, server and browser, compare with 8 digits of
 * precision, so 0.07 is a multiple of 0.01). The widget shows the symbol.
 */
export const currencyBlock: FieldBlockSpec<CurrencyField> = {
  kind: "field",
  type: "currency",
  label: "Currency amount",
  create: ({ id, key }) => ({ id, key, type: "currency", label: "Amount", required: false, currency: "EUR", minimum: 0 }),
  compile: (field) => {
    const digits = currencyDigits(field.currency);
    return {
      schema: baseSchema(field, {
        type: "number",
        ...boundsOf(field),
        multipleOf: digits === 0 ? 1 : Number(`1e-${digits}`),
        errorMessage: {
          multipleOf:
            digits === 0
              ? `${field.label} must be a whole amount of ${field.currency}.`
              : `${field.label} can have at most ${digits} decimal place${digits === 1 ? "" : "s"}.`,
        },
      }),
      uiSchema: baseUi(field, { "ui:widget": "currency", "ui:options": { currency: field.currency } }),
    };
  },
};
