export * from "./form-block-format.ts";
export * from "./insert-form-block.ts";
export * from "./validate-form-block.ts";
