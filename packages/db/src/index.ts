export * as schema from "./schema.ts";
export * from "./schema.ts";
export * from "./client.ts";
export * from "./test-databases.ts";
export * from "./errors.ts";
export * from "./data-dir-lock.ts";
