export * from "./form-definition.ts";
export * from "./process-definition.ts";
export * from "./package-format.ts";
export * from "./problems.ts";
export * from "./validate.ts";
export * from "./feel-syntax.ts";
export { isIsoDuration } from "./validation/iso-duration.ts";
