import { describe, expect, it } from "vitest";
import { processDefinitionSchema, validate } from "@baton/model";
import { keyFromName, keyProblem, newProcessDefinition } from "./new-process.ts";

describe("new process", () => {
  it("makes a key from a name", () => {
    expect(keyFromName("Support request")).toBe("support-request");
    expect(keyFromName("  Crédit: Gold card (v2)! ")).toBe("credit-gold-card-v2");
    expect(keyFromName("2024 audit")).toBe("p-2024-audit");
    expect(keyFromName("!!!")).toBe("");
    expect(keyFromName("x")).toBe("x-process");
  });

  it("says why a key cannot be used", () => {
    expect(keyProblem("support-request", ["lead-to-customer"])).toBeNull();
    expect(keyProblem("lead-to-customer", ["lead-to-customer"])).toMatch(/already exists/);
    expect(keyProblem("Bad Key", [])).toMatch(/lower-case/);
  });

  it("starts with a well-formed draft holding a start and an end", () => {
    const d = newProcessDefinition("support-request", " Support request ");
    expect(processDefinitionSchema.parse(d)).toEqual(d);
    expect(d.steps.map((s) => s.kind)).toEqual(["start", "end"]);
    expect(d.name).toBe("Support request");
    expect(validate(d).map((p) => p.code)).toContain("step.no-outgoing");
  });
});
