import type { Connection, ProcessDefinition, Step } from "../process-definition.ts";
import { edgeWaypoints } from "../layout/edge-waypoints.ts";
import { absolutePosition, shapeSize } from "../layout/shape-sizes.ts";
import { payloadExtension, stepPayload, type Payload } from "./baton-payload.ts";
import { conditionBody } from "./conditions.ts";
import { RootRefs, eventDefinitionsOf } from "./event-definitions.ts";
import { IdAllocator } from "./id-allocator.ts";
import { batonModdle, isA, type ModdleElement } from "./moddle.ts";

/**
 * A process definition as BPMN 2.0 XML with diagram interchange: one
 * `bpmn:process` whose id is the process key, one shape per step at the
 * position drawn (Baton's top-left corner and shape size), one edge per
 * connection with orthogonal waypoints. Step kinds map to their BPMN
 * counterparts: start/end events, user tasks (approvals too, marked in the
 * Baton payload), exclusive and parallel gateways, a timer catch event for
 * a wait, a send task for a notification, a service task for a service call,
 * a call activity for calling another process, a boundary event (timer or
 * error, `cancelActivity` false when it lets its activity go on) attached
 * to its activity, an error end event; errors as `bpmn:Error` elements;
 * a message catch event for a message wait and a message or timer start
 * event for a start trigger (messages as `bpmn:Message` elements), an
 * event-based gateway, inclusive gateways, and an expanded `bpmn:subProcess` holding the steps
 * (and connections) inside it as its flowElements. Shapes are drawn at
 * absolute bounds (a step inside a sub-process is stored relative to it).
 * Conditions are written as
 * FEEL the way Zeebe reads them (`= expr`); defaults as the gateway's
 * `default` attribute. Drafts export too, problems and all.
 */
export async function exportBpmn(definition: ProcessDefinition): Promise<string> {
  const moddle = batonModdle();
  const ids = new IdAllocator();
  const create = (type: string, props: Record<string, unknown> = {}) => moddle.create(type, props);
  const withText = (props: Record<string, unknown>, name: string | undefined, description: string | undefined) => {
    if (name) props.name = name;
    if (description) props.documentation = [create("bpmn:Documentation", { text: description })];
    return props;
  };

  const refs = new RootRefs(create, ids);
  const stepsById = new Map<string, Step>();
  for (const step of definition.steps) if (!stepsById.has(step.id)) stepsById.set(step.id, step);
  // A step goes into the flowElements of its sub-process; a parent that is no sub-process
  // (a draft's mistake) leaves it at the top level, where its payload keeps `parent`.
  const isNested = (step: Step): boolean => {
    const seen = new Set<string>();
    for (let at: Step | undefined = step; at?.parent !== undefined; at = stepsById.get(at.parent)) {
      if (seen.has(at.id) || stepsById.get(at.parent)?.kind !== "subProcess") return false;
      seen.add(at.id);
    }
    return step.parent !== undefined;
  };
  const nodes = new Map<string, { element: ModdleElement; step: Step }>();
  const placed: { element: ModdleElement; step: Step }[] = [];
  for (const step of definition.steps) {
    const id = ids.claim(step.id, "Step");
    const payload = stepPayload(step, isNested(step));
    if (id !== step.id) payload.batonId = step.id;
    // A draft's event on a step that is gone keeps its host's id in the payload.
    if (step.kind === "boundaryEvent" && !definition.steps.some((s) => s.id === step.attachedTo)) payload.attachedTo = step.attachedTo;
    const element = create(BPMN_TYPES[step.kind], withText({ id, extensionElements: payloadExtension(payload) }, step.name, step.description));
    const eventDefinitions = eventDefinitionsOf(step, create, refs);
    if (eventDefinitions) element.eventDefinitions = eventDefinitions;
    if (step.kind === "boundaryEvent" && !step.interrupting) element.cancelActivity = false;
    if (step.kind === "callActivity") element.calledElement = step.processKey;
    if (step.kind === "subProcess") element.flowElements = [];
    element.incoming = [];
    element.outgoing = [];
    if (!nodes.has(step.id)) nodes.set(step.id, { element, step });
    placed.push({ element, step });
  }

  for (const { element, step } of placed) {
    if (step.kind !== "boundaryEvent") continue;
    const host = nodes.get(step.attachedTo);
    if (host) element.attachedToRef = host.element;
  }

  const flows: { element: ModdleElement; source: Step; target: Step }[] = [];
  const dangling: Connection[] = [];
  for (const connection of definition.connections) {
    const source = nodes.get(connection.source);
    const target = nodes.get(connection.target);
    if (!source || !target) {
      dangling.push(connection);
      continue;
    }
    const id = ids.claim(connection.id, "Flow");
    const payload: Payload = id !== connection.id ? { batonId: connection.id } : {};
    const element = create("bpmn:SequenceFlow", { id, sourceRef: source.element, targetRef: target.element });
    if (connection.label) element.name = connection.label;
    if (connection.condition) element.conditionExpression = create("bpmn:FormalExpression", { body: conditionBody(connection.condition) });
    if (connection.isDefault) {
      // BPMN keeps a default on gateways and activities; elsewhere the payload does.
      if (canHoldDefault(source.element) && !source.element.default) source.element.default = element;
      else payload.isDefault = true;
    }
    element.extensionElements = payloadExtension(payload);
    (source.element.outgoing as ModdleElement[]).push(element);
    (target.element.incoming as ModdleElement[]).push(element);
    flows.push({ element, source: source.step, target: target.step });
  }

  // A connection goes where its source is.
  const topLevel: ModdleElement[] = [];
  const put = (step: Step, element: ModdleElement) => {
    const container = isNested(step) ? nodes.get(step.parent as string)?.element : undefined;
    if (container) (container.flowElements as ModdleElement[]).push(element);
    else topLevel.push(element);
  };
  for (const { element, step } of placed) put(step, element);
  for (const { element, source } of flows) put(source, element);

  const processPayload: Payload = {
    schemaVersion: definition.schemaVersion,
    key: definition.key,
    timeZone: definition.timeZone,
    usedBlocks: definition.usedBlocks,
    ...(dangling.length > 0 ? { danglingConnections: dangling } : {}),
  };
  const process = create(
    "bpmn:Process",
    withText(
      {
        id: ids.claim(definition.key, "Process"),
        isExecutable: true,
        extensionElements: payloadExtension(processPayload),
        flowElements: topLevel,
      },
      definition.name,
      definition.description,
    ),
  );

  const onCanvas = (step: Step) => ({ ...step, position: absolutePosition(step, stepsById) });
  const shapes = placed.map(({ element, step }) =>
    create("bpmndi:BPMNShape", {
      id: ids.claim(`${element.id as string}_di`, "Shape"),
      bpmnElement: element,
      bounds: create("dc:Bounds", { ...onCanvas(step).position, ...shapeSize(step) }),
      ...(step.kind === "exclusiveGateway" ? { isMarkerVisible: true } : {}),
      ...(step.kind === "subProcess" ? { isExpanded: true } : {}),
    }),
  );
  const edges = flows.map(({ element, source, target }) =>
    create("bpmndi:BPMNEdge", {
      id: ids.claim(`${element.id as string}_di`, "Edge"),
      bpmnElement: element,
      waypoint: edgeWaypoints(onCanvas(source), onCanvas(target)).map((p) => create("dc:Point", p)),
    }),
  );
  const plane = create("bpmndi:BPMNPlane", { id: ids.claim("BPMNPlane_1", "Plane"), bpmnElement: process, planeElement: [...shapes, ...edges] });
  const diagram = create("bpmndi:BPMNDiagram", { id: ids.claim("BPMNDiagram_1", "Diagram"), plane });
  const definitions = create("bpmn:Definitions", {
    id: ids.claim(`Definitions_${definition.key}`, "Definitions"),
    targetNamespace: "https://baton.dev/processes",
    exporter: "Baton",
    exporterVersion: "1.0",
    rootElements: [process, ...refs.elements],
    diagrams: [diagram],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

const BPMN_TYPES: Record<Step["kind"], string> = {
  start: "bpmn:StartEvent",
  end: "bpmn:EndEvent",
  userTask: "bpmn:UserTask",
  approval: "bpmn:UserTask",
  exclusiveGateway: "bpmn:ExclusiveGateway",
  parallelGateway: "bpmn:ParallelGateway",
  inclusiveGateway: "bpmn:InclusiveGateway",
  subProcess: "bpmn:SubProcess",
  timer: "bpmn:IntermediateCatchEvent",
  notify: "bpmn:SendTask",
  serviceCall: "bpmn:ServiceTask",
  callActivity: "bpmn:CallActivity",
  boundaryEvent: "bpmn:BoundaryEvent",
  messageCatch: "bpmn:IntermediateCatchEvent",
  eventBasedGateway: "bpmn:EventBasedGateway",
};

function canHoldDefault(element: ModdleElement): boolean {
  return ["bpmn:ExclusiveGateway", "bpmn:InclusiveGateway", "bpmn:ComplexGateway", "bpmn:Activity"].some((t) => isA(element, t));
}
