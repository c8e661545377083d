import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { validate } from "./validate.ts";

const root = new URL("../../../templates/", import.meta.url);
const templates = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((name) => readdirSync(new URL(`${name}/`, root)).includes("process.json"));

describe("templates", () => {
  test.each(templates)("%s has no variable type conflict and its decisions read known variables", (name) => {
    const definition: unknown = JSON.parse(readFileSync(new URL(`${name}/process.json`, root), "utf8"));
    const problems = validate(definition).filter((p) => p.severity === "error" || p.code.startsWith("variable.") || p.code === "decision.unknown-variable");
    expect(problems).toEqual([]);
  });
});
