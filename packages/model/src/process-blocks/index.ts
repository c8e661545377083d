export * from "./block-format.ts";
export * from "./block-from-selection.ts";
export * from "./insert-block.ts";
export * from "./invalid-block-error.ts";
export * from "./validate-block.ts";
