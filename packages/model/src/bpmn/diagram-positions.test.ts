import { describe, expect, it } from "vitest";
import { shapeSizes } from "../layout/shape-sizes.ts";
import { importBpmn } from "./import-bpmn.ts";
import { bpmnFile, oneStep } from "./test-support/bpmn-file.ts";

/** Where imported steps land: as the file drew them, stretched for Baton's larger shapes, or laid out. */
const shape = (id: string, x: number, y: number, width: number, height: number) =>
  `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`;

function drawn(shapes: string): string {
  return bpmnFile(oneStep('<bpmn:task id="X" />'), {
    bpmndi: "http://www.omg.org/spec/BPMN/20100524/DI",
    dc: "http://www.omg.org/spec/DD/20100524/DC",
  }).replace("</bpmn:definitions>", `<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="Process_1">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`);
}

describe("positions from the file's diagram", () => {
  it("centres Baton's wider task where the file's was and stretches the drawing to keep neighbours apart", async () => {
    // bpmn.io sizes: a 100-wide task between two events, 50 apart.
    const { definition, report } = await importBpmn(drawn(shape("Start", 100, 122, 36, 36) + shape("X", 186, 100, 100, 80) + shape("End", 336, 122, 36, 36)));
    const at = (id: string) => definition!.steps.find((s) => s.id === id)!.position;
    // Centres move away from the drawing's top-left corner (x 100) twice as far; y is unchanged.
    expect(at("Start")).toEqual({ x: 100 + (118 - 100) * 2 - 18, y: 122 });
    expect(at("X")).toEqual({ x: 100 + (236 - 100) * 2 - 100, y: 100 });
    expect(at("End")).toEqual({ x: 100 + (354 - 100) * 2 - 18, y: 122 });
    expect(at("Start").x + shapeSizes.start.width).toBeLessThan(at("X").x);
    expect(at("X").x + shapeSizes.userTask.width).toBeLessThan(at("End").x);
    expect(report.warnings.join("\n")).toMatch(/stretched ×2 across and ×1 down/);
  });

  it("lays the steps out when the file has no diagram, or not for every step", async () => {
    for (const xml of [bpmnFile(oneStep('<bpmn:task id="X" />')), drawn(shape("Start", 100, 122, 36, 36))]) {
      const { definition, report } = await importBpmn(xml);
      const x = (id: string) => definition!.steps.find((s) => s.id === id)!.position.x;
      expect(x("Start")).toBeLessThan(x("X"));
      expect(x("X")).toBeLessThan(x("End"));
      expect(report.warnings.join("\n")).toMatch(/laid out automatically/);
    }
  });
});
