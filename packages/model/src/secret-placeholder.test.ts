import { expect, test } from "vitest";
import { isSecretPath, replaceSecrets, secretNames } from "./secret-placeholder.ts";

test("finds each secret a text names once, and only {{secrets.NAME}}", () => {
  expect(secretNames("{{secrets.SCORING_URL}}/score?k={{ secrets.KEY }}&again={{secrets.KEY}}&v={{amount}}&o={{other.KEY}}")).toEqual(["SCORING_URL", "KEY"]);
  expect(secretNames("Bearer {{secrets.}} {{secrets.1X}} {{secrets}}")).toEqual([]);
});

test("replaces the secrets and nothing else", () => {
  expect(replaceSecrets("{{secrets.A}}-{{a}}-{{ secrets.B_2 }}", (name) => `<${name}>`)).toBe("<A>-{{a}}-<B_2>");
  expect(isSecretPath("secrets.A")).toBe(true);
  expect(isSecretPath("secretsA.b")).toBe(false);
});
