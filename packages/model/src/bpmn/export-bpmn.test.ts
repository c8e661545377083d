import { BpmnModdle, type ModdleElement } from "bpmn-moddle";
import { describe, expect, it } from "vitest";
import { absolutePosition, shapeSize } from "../layout/shape-sizes.ts";
import { processDefinitionSchema } from "../process-definition.ts";
import { exportBpmn } from "./export-bpmn.ts";
import { importBpmn } from "./import-bpmn.ts";
import { children } from "./moddle.ts";
import { everyKind } from "./test-support/every-kind.ts";
import { templateDefinitions } from "./test-support/fixture-files.ts";

/**
 * The export as another tool sees it: read with a bare bpmn-moddle (what
 * bpmn-js and Camunda Modeler use, without Baton's namespace), it has no
 * warnings, a shape for every step at its position and size, an edge for
 * every connection, and the Baton data survives that tool saving it again.
 */
const definitions = [...templateDefinitions().map((t) => t.definition), everyKind].map((d) => processDefinitionSchema.parse(d));

describe.each(definitions)("exporting $key", (definition) => {
  it("is BPMN a modeler reads without warnings, drawn where Baton draws it", async () => {
    const xml = await exportBpmn(definition);
    const { rootElement, warnings, elementsById } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    const process = children(rootElement, "rootElements")[0]!;
    expect(process).toMatchObject({ $type: "bpmn:Process", id: definition.key, name: definition.name, isExecutable: true });

    const plane = (rootElement.diagrams as ModdleElement[])[0]!.plane as ModdleElement;
    const di = new Map(children(plane, "planeElement").map((e) => [(e.bpmnElement as ModdleElement).id, e]));
    const stepsById = new Map(definition.steps.map((s) => [s.id, s]));
    for (const step of definition.steps) {
      const bounds = di.get(step.id)!.bounds as ModdleElement;
      expect(bounds).toMatchObject({ ...absolutePosition(step, stepsById), ...shapeSize(step) });
    }
    const allFlowElements = (container: ModdleElement): ModdleElement[] =>
      children(container, "flowElements").flatMap((e) => [e, ...(e.$type === "bpmn:SubProcess" ? allFlowElements(e) : [])]);
    const flows = allFlowElements(process).filter((e) => e.$type === "bpmn:SequenceFlow");
    expect(flows).toHaveLength(definition.connections.length);
    for (const flow of flows) expect((di.get(flow.id)!.waypoint as unknown[]).length).toBeGreaterThanOrEqual(2);
    for (const element of children(plane, "planeElement")) expect(elementsById[(element.bpmnElement as ModdleElement).id as string]).toBeDefined();
  });

  it("keeps its Baton data when a modeler without Baton's namespace saves it again", async () => {
    const xml = await exportBpmn(definition);
    const modeler = new BpmnModdle();
    const { rootElement } = await modeler.fromXML(xml);
    const { xml: savedElsewhere } = await modeler.toXML(rootElement, { format: true });
    expect(savedElsewhere).toContain("<baton:properties>");
    expect((await importBpmn(savedElsewhere)).definition).toEqual(definition);
  });
});

describe("mapping of Baton kinds to BPMN", () => {
  it("writes the standard element for each kind, defaults and FEEL conditions", async () => {
    const xml = await exportBpmn(processDefinitionSchema.parse(everyKind));
    const { elementsById } = await new BpmnModdle().fromXML(xml);
    const typeOf = (id: string) => elementsById[id]!.$type;
    expect(["start", "review", "decide", "approve", "wait", "tell", "book", "sub", "split", "end"].map(typeOf)).toEqual([
      "bpmn:StartEvent",
      "bpmn:UserTask",
      "bpmn:ExclusiveGateway",
      "bpmn:UserTask",
      "bpmn:IntermediateCatchEvent",
      "bpmn:SendTask",
      "bpmn:ServiceTask",
      "bpmn:CallActivity",
      "bpmn:ParallelGateway",
      "bpmn:EndEvent",
    ]);
    expect((elementsById.decide!.default as ModdleElement).id).toBe("c4");
    expect(elementsById.sub!.calledElement).toBe("archive-request");
    expect(((elementsById.c2!.conditionExpression as ModdleElement).body as string)).toBe("= ok = true");
    const timer = (elementsById.wait!.eventDefinitions as ModdleElement[])[0]!;
    expect((timer.timeDuration as ModdleElement).body).toBe("P1D");
    expect(xml).toContain('"kind":"approval"');
  });

  it("writes boundary events on their activity and errors as bpmn:Error with their code", async () => {
    const xml = await exportBpmn(processDefinitionSchema.parse(everyKind));
    const { elementsById, rootElement } = await new BpmnModdle().fromXML(xml);
    const definitionOf = (id: string) => (elementsById[id]!.eventDefinitions as ModdleElement[])[0]!;
    expect(elementsById.nudge).toMatchObject({ $type: "bpmn:BoundaryEvent", cancelActivity: false, attachedToRef: { id: "review" } });
    expect((definitionOf("nudge").timeCycle as ModdleElement).body).toBe("R3/PT4H");
    expect(elementsById.deadline).toMatchObject({ cancelActivity: true, attachedToRef: { id: "triage" } });
    expect((definitionOf("deadline").timeDate as ModdleElement).body).toBe("= answerBy");
    expect(definitionOf("notFound")).toMatchObject({ $type: "bpmn:ErrorEventDefinition", errorRef: { $type: "bpmn:Error", errorCode: "404" } });
    expect(definitionOf("anyError").errorRef).toBeUndefined();
    expect(definitionOf("failed")).toMatchObject({ errorRef: { errorCode: "booking-failed", name: "booking-failed" } });
    const errors = children(rootElement, "rootElements").filter((e) => e.$type === "bpmn:Error");
    expect(errors.map((e) => e.errorCode)).toEqual(["404", "booking-failed"]);
  });

  it("nests a sub-process's steps and connections in it, drawn expanded at absolute bounds", async () => {
    const xml = await exportBpmn(processDefinitionSchema.parse(everyKind));
    const { elementsById } = await new BpmnModdle().fromXML(xml);
    expect(elementsById.pick!.$type).toBe("bpmn:InclusiveGateway");
    expect((elementsById.pick!.default as ModdleElement).id).toBe("c19");
    const checks = elementsById.checks!;
    expect(checks.$type).toBe("bpmn:SubProcess");
    expect(children(checks, "flowElements").map((e) => e.id)).toEqual(["checks-start", "inner", "checks-end", "c21", "c22"]);
    expect(children(elementsById.inner!, "flowElements").map((e) => e.id)).toEqual(["inner-start", "inner-end", "c23"]);
    expect(xml).not.toContain('"parent"');
    expect(xml).toMatch(/<bpmndi:BPMNShape id="checks_di" bpmnElement="checks" isExpanded="true">\s*<dc:Bounds x="1300" y="300" width="700" height="300" \/>/);
    // inner-start lies at (30, 100) in inner, which lies at (120, 20) in checks, at (1300, 300).
    expect(xml).toMatch(/bpmnElement="inner-start">\s*<dc:Bounds x="1450" y="420" width="36" height="36" \/>/);
  });
});
