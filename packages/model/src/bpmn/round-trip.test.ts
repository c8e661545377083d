import { describe, expect, it } from "vitest";
import { processDefinitionSchema, type ProcessDefinition } from "../process-definition.ts";
import { exportBpmn } from "./export-bpmn.ts";
import { importBpmn } from "./import-bpmn.ts";
import { everyKind } from "./test-support/every-kind.ts";
import { fixtureFiles, readFixture, templateDefinitions } from "./test-support/fixture-files.ts";

/**
 * Export → import → export gives the same model: steps (ids, kinds, names,
 * every Baton field), connections, conditions, defaults, forms and
 * positions; and the second export is byte for byte the first.
 */
async function roundTrip(definition: ProcessDefinition) {
  const first = await exportBpmn(definition);
  const back = await importBpmn(first);
  expect(back.report.error).toBeUndefined();
  expect(back.report.unsupported).toEqual([]);
  const second = await exportBpmn(back.definition!);
  return { first, second, back: back.definition!, report: back.report };
}

describe("round trip of Baton's own definitions", () => {
  it.each(templateDefinitions())("template $name comes back unchanged", async ({ definition }) => {
    const original = processDefinitionSchema.parse(definition);
    const { first, second, back, report } = await roundTrip(original);
    expect(back).toEqual(original);
    expect(second).toBe(first);
    expect(report.warnings).toEqual([]);
  });

  it("keeps every step kind and the awkward corners", async () => {
    const original = processDefinitionSchema.parse(everyKind);
    const { first, second, back } = await roundTrip(original);
    expect(back).toEqual(original);
    expect(back.steps.find((s) => s.id === "triage")).toMatchObject({ assignment: { type: "group", group: "service-desk", strategy: "roundRobin" } });
    expect(second).toBe(first);
  });

  it("keeps a draft's loose ends: duplicate step ids and connections to nowhere", async () => {
    const original = processDefinitionSchema.parse({
      ...everyKind,
      steps: [...everyKind.steps, { id: "end", kind: "end", name: "Second end with the same id", position: { x: 5, y: 5 } }],
      connections: [...everyKind.connections, { id: "c-lost", source: "review", target: "nowhere" }],
    });
    const { back } = await roundTrip(original);
    expect(back).toEqual(original);
  });
});

describe("round trip of every importable fixture", () => {
  it.each(fixtureFiles())("%s: import → export → import → export is stable", async (file) => {
    const imported = await importBpmn(readFixture(file));
    if (!imported.definition) return expect(imported.report.error).toBeDefined();
    const { first, second, back } = await roundTrip(imported.definition);
    expect(back).toEqual(imported.definition);
    expect(second).toBe(first);
  });
});
