export * from "./block-spec.ts";
export * from "./form-layout.ts";
export * from "./registry.ts";
export * from "./compile-form.ts";
export * from "./field-error-message.ts";
export * from "./validate-data.ts";
export { PHONE_PATTERN } from "./blocks/phone.ts";
