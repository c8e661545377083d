import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { processDefinitionSchema } from "./process-definition.ts";
import { secretNames } from "./secret-placeholder.ts";
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

describe("credit-application", () => {
  test("scores by a service call to the deployment's scoring system, in parallel with the security check, into the variables the later forms show", () => {
    const definition = processDefinitionSchema.parse(JSON.parse(readFileSync(new URL("credit-application/process.json", root), "utf8")));
    const scoring = definition.steps.find((s) => s.id === "scoreApplication");
    if (scoring?.kind !== "serviceCall") throw new Error("no scoring service call");
    expect(scoring.request.method).toBe("POST");
    expect(secretNames(scoring.request.url)).toEqual(["SCORING_URL"]);
    expect(scoring.request.headers.flatMap((h) => secretNames(h.value))).toEqual(["SCORING_KEY"]);
    expect(scoring.outputs.map((o) => o.to)).toEqual(["score", "riskClass", "interestRate"]);
    expect(scoring.retries).toBeGreaterThan(0);

    const into = (id: string) => definition.connections.filter((c) => c.target === id).map((c) => c.source).sort();
    expect(into("join")).toEqual(["scoreApplication", "securityCheck"]);
    expect(definition.connections.filter((c) => c.source === "split").map((c) => c.target).sort()).toEqual(["scoreApplication", "securityCheck"]);

    const shown = new Set<string>();
    const walk = (blocks: readonly unknown[]) => {
      for (const block of blocks as { type: string; variable?: string; children?: unknown[]; columns?: { children?: unknown[] }[] }[]) {
        if (block.type === "display" && block.variable) shown.add(block.variable);
        walk(block.children ?? []);
        for (const column of block.columns ?? []) walk(column.children ?? []);
      }
    };
    for (const step of definition.steps) if ("form" in step && step.form) walk(step.form.blocks);
    for (const output of scoring.outputs) expect(shown).toContain(output.to);
  });
});
