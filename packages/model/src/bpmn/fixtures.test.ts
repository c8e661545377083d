import { BpmnModdle, type ModdleElement } from "bpmn-moddle";
import { afterAll, describe, expect, it } from "vitest";
import { importBpmn } from "./import-bpmn.ts";
import { children } from "./moddle.ts";
import { fixtureFiles, readFixture } from "./test-support/fixture-files.ts";

/**
 * Every BPMN file of the shared collection, from bpmn.io, Signavio, the MIWG
 * reference models and engine test suites: each imports (possibly in part),
 * nothing throws, and every element of the imported process is either in
 * the draft or listed as unsupported under an id that exists in the file.
 */
type Row = { file: string; steps: number; connections: number; unsupported: number; warnings: number; errors: number };
const rows: Row[] = [];
const files = fixtureFiles();

describe.each(files)("importing %s", (file) => {
  it("imports what Baton supports and lists the rest by id", async () => {
    const xml = readFixture(file);
    const { definition, report } = await importBpmn(xml);
    expect(report.error).toBeUndefined();
    expect(definition !== null || report.unsupported.length > 0).toBe(true);

    // Read independently, the way bpmn-js does, to check the report against the file.
    const { elementsById, rootElement } = await new BpmnModdle().fromXML(xml);
    for (const entry of [...report.imported, ...report.unsupported]) {
      expect(elementsById[entry.id], `${entry.type} ${entry.id} is not in the file`).toBeDefined();
    }
    const accounted = new Set([...report.imported, ...report.unsupported].map((e) => e.id));
    const process = elementsById[report.process!.id]!;
    for (const el of [...children(process, "flowElements"), ...children(process, "artifacts"), ...lanes(process)]) {
      expect(accounted.has(el.id as string), `${el.$type} ${String(el.id)} was dropped without a word`).toBe(true);
    }
    for (const other of children(rootElement, "rootElements").filter((e) => e.$type === "bpmn:Process" && e !== process)) {
      expect(accounted.has(other.id as string), `process ${String(other.id)} is not listed`).toBe(true);
    }
    expect(definition!.steps.length).toBe(report.imported.filter((i) => i.kind !== "connection").length);
    rows.push({
      file,
      steps: definition!.steps.length,
      connections: definition!.connections.length,
      unsupported: report.unsupported.length,
      warnings: report.warnings.length,
      errors: report.problems.filter((p) => p.severity === "error").length,
    });
  });
});

function lanes(process: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const walk = (laneSet: ModdleElement | undefined) => {
    for (const lane of children(laneSet, "lanes")) {
      out.push(lane);
      walk(lane.childLaneSet as ModdleElement | undefined);
    }
  };
  for (const set of children(process, "laneSets")) walk(set);
  return out;
}

afterAll(() => {
  const headers = ["file", "steps", "connections", "unsupported", "warnings", "problems (errors)"];
  const body = [...rows].sort((a, b) => a.file.localeCompare(b.file)).map((r) => [r.file, r.steps, r.connections, r.unsupported, r.warnings, r.errors].map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const total = (key: keyof Row) => rows.reduce((n, r) => n + (r[key] as number), 0);
  console.log(
    [
      `BPMN fixtures imported: ${rows.length} of ${files.length} files`,
      line(headers),
      ...body.map(line),
      line(["total", String(total("steps")), String(total("connections")), String(total("unsupported")), String(total("warnings")), String(total("errors"))]),
    ].join("\n"),
  );
});
