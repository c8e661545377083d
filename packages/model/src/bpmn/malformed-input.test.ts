import { describe, expect, it } from "vitest";
import { importBpmn } from "./import-bpmn.ts";
import { decodeXmlBytes } from "./read-xml.ts";
import { bpmnFile } from "./test-support/bpmn-file.ts";

/** Bad files never throw: they come back with `definition: null` and one clear sentence. */
async function errorOf(xml: string, options = {}) {
  const result = await importBpmn(xml, options);
  expect(result.definition).toBeNull();
  expect(result.report.imported).toEqual([]);
  return result.report.error!;
}

describe("bad input", () => {
  it("says an empty file is empty", async () => {
    expect((await errorOf("")).message).toMatch(/empty/);
    expect((await errorOf("  \n\t ")).message).toMatch(/empty/);
  });

  it("points at the line and column of malformed XML", async () => {
    const xml = '<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="p">\n    <bpmn:task id="t"></bpmn:proc>\n';
    const error = await errorOf(xml);
    expect(error).toMatchObject({ line: 4, column: expect.any(Number) });
    expect(error.message).toMatch(/not well-formed XML at line 4, column \d+: closing tag mismatch/);
  });

  it("refuses text that is not XML", async () => {
    expect((await errorOf("hello, I am not a diagram")).message).toMatch(/not well-formed XML/);
    expect((await errorOf('{"schemaVersion":1}')).message).toMatch(/not well-formed XML/);
  });

  it("says when XML is not BPMN", async () => {
    const error = await errorOf('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(error.message).toMatch(/not BPMN 2\.0: its root element is <svg>/);
  });

  it("says when the file has no process", async () => {
    const empty = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x" />';
    expect((await errorOf(empty)).message).toMatch(/no process/);
    const blackBoxes = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
      <bpmn:collaboration id="c"><bpmn:participant id="p1" name="Customer" /><bpmn:participant id="p2" name="Shop" /></bpmn:collaboration>
    </bpmn:definitions>`;
    expect((await errorOf(blackBoxes)).message).toMatch(/2 pools but no process/);
  });

  it("names the processes when the one asked for is not there", async () => {
    expect((await errorOf(bpmnFile(""), { processId: "nope" })).message).toBe('The file has no process with the id "nope" (its processes: Process_1).');
  });

  it("refuses a key Baton cannot use", async () => {
    expect((await errorOf(bpmnFile(""), { key: "Not A Key" })).message).toMatch(/"Not A Key" cannot be a process key/);
  });

  it("sets aside process-level Baton data that does not fit, and says so", async () => {
    const xml = bpmnFile(
      `<bpmn:extensionElements><baton:properties xmlns:baton="https://baton.dev/schema/bpmn/1.0">{"key":"Bad Key","timeZone":"UTC","danglingConnections":[{"id":"c"}]}</baton:properties></bpmn:extensionElements>`,
    );
    const { definition, report } = await importBpmn(xml);
    expect(definition).toMatchObject({ key: "process-1", connections: [] });
    expect(report.warnings.join("\n")).toMatch(/Baton data does not fit \(connections\.0\.source/);
  });

  it("imports an empty process as an empty draft, with its problems", async () => {
    const { definition, report } = await importBpmn(bpmnFile(""));
    expect(definition).toMatchObject({ key: "process-1", name: "process-1", steps: [], connections: [] });
    expect(report.problems.map((p) => p.code)).toEqual(["process.no-start", "process.no-end"]);
  });

  it("survives broken references and odd content, reporting them", async () => {
    const xml = bpmnFile(`
      <bpmn:startEvent id="s" />
      <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="missing" />
      <bpmn:userTask id="t"><bpmn:extensionElements><baton:properties xmlns:baton="https://baton.dev/schema/bpmn/1.0">{not json</baton:properties></bpmn:extensionElements></bpmn:userTask>`);
    const { definition, report } = await importBpmn(xml);
    expect(definition!.steps.map((s) => s.id)).toEqual(["s", "t"]);
    expect(report.warnings.join("\n")).toMatch(/unresolved reference <missing>/);
    expect(report.warnings.join("\n")).toMatch(/t: its Baton data is not valid JSON/);
    expect(report.unsupported).toEqual([expect.objectContaining({ id: "f", reason: "one of its ends is missing in the file" })]);
  });

  it("decodes a file in the encoding its XML declaration names", () => {
    const latin1 = Uint8Array.from([...'<?xml version="1.0" encoding="ISO-8859-1"?><a n="'].map((c) => c.charCodeAt(0)).concat([0xe4, 0x22, 0x2f, 0x3e]));
    expect(decodeXmlBytes(latin1)).toContain('n="ä"');
    expect(decodeXmlBytes(new TextEncoder().encode('<?xml version="1.0"?><a n="ä"/>'))).toContain('n="ä"');
  });
});
