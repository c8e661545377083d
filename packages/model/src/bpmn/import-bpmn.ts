import { BOUNDARY_HOST_KINDS, processDefinitionSchema, processKeySchema, type Connection, type ProcessDefinition, type Step } from "../process-definition.ts";
import { layoutDefinition } from "../layout/layout-definition.ts";
import { shapeSize } from "../layout/shape-sizes.ts";
import { validate } from "../validate.ts";
import { readPayload } from "./baton-payload.ts";
import { positionsFromDiagram, shapeBounds } from "./diagram-positions.ts";
import { importSequenceFlow } from "./import-flows.ts";
import { type BpmnImportResult, describeElement, elementName, listUnsupported, newContext } from "./import-report.ts";
import { onlyEventDefinition } from "./event-definitions.ts";
import { importFlowNode } from "./import-steps.ts";
import { child, children, isA, text, type ModdleElement } from "./moddle.ts";
import { listOtherContent, participantOf, pickProcess } from "./pick-process.ts";
import { StepIds, toProcessKey } from "./process-key.ts";
import { readBpmnXml } from "./read-xml.ts";
import { sweepDiagram } from "./sweep-diagram.ts";
import { unsupportedReason } from "./unsupported-reasons.ts";
import { unusedVendorSettings } from "./vendor-extensions.ts";

export type ImportBpmnOptions = {
  /** The process key to use instead of the one derived from the file. */
  key?: string;
  /** Which process of the file to import, by its id; default: see pick-process.ts. */
  processId?: string;
};

/**
 * BPMN 2.0 XML from any tool as a Baton draft, with an honest report.
 *
 * Lifecycle: read the XML (errors become `report.error`, never a throw);
 * pick one process and list every other one; turn its flow nodes into steps
 * and its sequence flows into connections, listing what Baton cannot take
 * with the reason; list lanes and artifacts; sweep the diagram for anything
 * drawn that nothing claimed; place the steps where the file drew them
 * (auto-layout when it has no diagram for them); validate the result.
 * `definition` is null only when there was nothing to import.
 */
export async function importBpmn(xml: string, options: ImportBpmnOptions = {}): Promise<BpmnImportResult> {
  const read = await readBpmnXml(xml);
  if (!read.ok) return failed(read.error);
  const { definitions } = read;
  if (options.key !== undefined && !processKeySchema.safeParse(options.key).success) {
    return failed({ message: `"${options.key}" cannot be a process key: use lower-case letters, digits and -, starting with a letter (2 to 63 characters).` });
  }
  const picked = pickProcess(definitions, options.processId);
  if ("error" in picked) return failed({ message: picked.error });
  const { process } = picked;

  const ctx = newContext(Object.hasOwn(definitions, "expressionLanguage") ? text(definitions, "expressionLanguage") : undefined);
  ctx.warnings.push(...read.warnings);
  ctx.covered.add(definitions).add(process);
  listOtherContent(ctx, definitions, process);

  const elements = allFlowElements(process);
  const nameOf = (id: string) => {
    const el = elements.find((e) => e.id === id);
    return el ? describeElement(el) : id;
  };
  const ids = new StepIds();
  const placed: { element: ModdleElement; step: Step }[] = [];
  // A sub-process's flowElements are the steps (and connections) inside it. Connections come
  // container by container (the process's first), so an export and re-import keeps their order.
  const flowsByContainer: ModdleElement[][] = [];
  const boundaries: { element: ModdleElement; parent: string | undefined }[] = [];
  const isBoundary = (el: ModdleElement) => el.$type === "bpmn:BoundaryEvent";
  const importInside = (container: ModdleElement, parent: string | undefined) => {
    const flows: ModdleElement[] = [];
    flowsByContainer.push(flows);
    for (const el of children(container, "flowElements")) {
      if (isA(el, "bpmn:SequenceFlow")) {
        flows.push(el);
        continue;
      }
      if (isBoundary(el)) {
        boundaries.push({ element: el, parent });
        continue;
      }
      const step = importFlowNode(el, ctx, ids, nameOf);
      if (!step) continue;
      placed.push({ element: el, step: parent === undefined ? step : { ...step, parent } });
      if (step.kind === "subProcess") importInside(el, step.id);
    }
  };
  importInside(process, undefined);
  // Events on an activity's border come once their activity has its Baton id.
  const hostIdOf = new Map(placed.map((p) => [p.element, p.step.id]));
  for (const { element: el, parent } of boundaries) {
    const host = child(el, "attachedToRef");
    const hostId = host && hostIdOf.get(host);
    if (hostId === undefined) {
      if (onlyEventDefinition(el) && ["bpmn:TimerEventDefinition", "bpmn:ErrorEventDefinition"].includes(onlyEventDefinition(el)!.$type)) {
        listUnsupported(ctx, el, `${describeElement(el)} sits on ${host ? `${describeElement(host)}, which was not imported` : "no activity"}`);
      } else listUnsupported(ctx, el, unsupportedReason(el, nameOf));
      continue;
    }
    const hostKind = placed.find((p) => p.element === host)?.step.kind;
    if (host && hostKind !== undefined && !BOUNDARY_HOST_KINDS.includes(hostKind)) {
      // A receive task comes in as a message wait, which takes no events on its border.
      listUnsupported(
        ctx,
        el,
        `${describeElement(el)} sits on ${describeElement(host)}, imported as a message wait, which takes no events on its border; for a time limit, put a "first event wins" gateway before the wait, leading to the wait and to a timer`,
      );
      continue;
    }
    const step = importFlowNode(el, ctx, ids, nameOf, hostId);
    if (step) placed.push({ element: el, step: parent === undefined ? step : { ...step, parent } });
  }
  placed.sort((a, b) => elements.indexOf(a.element) - elements.indexOf(b.element));
  const stepIdOf = new Map(placed.map((p) => [p.element, p.step.id]));
  const connections: Connection[] = [];
  for (const flow of flowsByContainer.flat()) {
    const connection = importSequenceFlow(flow, ctx, stepIdOf);
    if (connection) connections.push(connection);
  }
  for (const artifact of children(process, "artifacts")) listUnsupported(ctx, artifact, unsupportedReason(artifact, nameOf));
  for (const lane of lanesOf(process)) listUnsupported(ctx, lane, unsupportedReason(lane, nameOf));
  sweepDiagram(ctx, definitions);

  const { payload, problem } = readPayload(process);
  if (problem) ctx.warnings.push(`The process ${describeElement(process)}: ${problem}; it was ignored.`);
  const processLabel = `The process ${describeElement(process)}`;
  const unused = unusedVendorSettings(process, new Set());
  if (unused.length > 0) ctx.warnings.push(`${processLabel}: ${unused.join(", ")} ${unused.length === 1 ? "was" : "were"} not imported (settings of another engine).`);

  const fileId = text(process, "id") ?? "";
  const recorded = typeof payload?.key === "string" && processKeySchema.safeParse(payload.key).success ? payload.key : undefined;
  const key = options.key ?? recorded ?? toProcessKey(fileId);
  if (!options.key && !recorded && key !== fileId) {
    ctx.warnings.push(`The process id "${fileId}" became the key "${key}" (Baton keys are lower-case letters, digits and -, starting with a letter).`);
  }
  const pool = participantOf(definitions, process);
  const name = elementName(process) || (pool ? elementName(pool) : "") || elementName(definitions) || key;
  const description = children(process, "documentation")
    .map((d) => text(d, "text") ?? "")
    .filter((t) => t.trim() !== "")
    .join("\n\n");
  const base = {
    schemaVersion: 1,
    key,
    name,
    ...(description ? { description } : {}),
    steps: placed.map((p) => p.step),
    connections,
  };
  const recordedExtras = {
    ...(typeof payload?.timeZone === "string" ? { timeZone: payload.timeZone } : {}),
    ...(Array.isArray(payload?.usedBlocks) ? { usedBlocks: payload.usedBlocks } : {}),
    ...(Array.isArray(payload?.danglingConnections) ? { connections: [...connections, ...payload.danglingConnections] } : {}),
  };
  let definition: ProcessDefinition;
  const parsed = processDefinitionSchema.safeParse({ ...base, ...recordedExtras });
  if (parsed.success) definition = parsed.data;
  else {
    // Steps were checked one by one, so only the process's Baton data can be at fault.
    const issue = parsed.error.issues[0];
    ctx.warnings.push(`The process's Baton data does not fit (${issue?.path.map(String).join(".")}: ${issue?.message}); its time zone, blocks and loose connections were not imported.`);
    definition = processDefinitionSchema.parse(base);
  }
  definition = await place(definition, placed, definitions, ctx.warnings);
  return {
    definition,
    report: {
      process: { id: fileId, ...(elementName(process) ? { name: elementName(process) } : {}) },
      imported: ctx.imported,
      unsupported: ctx.unsupported,
      warnings: ctx.warnings,
      problems: validate(definition),
    },
  };
}

function failed(error: { message: string; line?: number; column?: number }): BpmnImportResult {
  return { definition: null, report: { process: null, imported: [], unsupported: [], warnings: [], problems: [], error } };
}

async function place(
  definition: ProcessDefinition,
  placed: { element: ModdleElement; step: Step }[],
  definitions: ModdleElement,
  warnings: string[],
): Promise<ProcessDefinition> {
  if (placed.length === 0) return definition;
  const fromDiagram = positionsFromDiagram(placed, shapeBounds(definitions));
  if ("missing" in fromDiagram) {
    const all = fromDiagram.missing.length === placed.length;
    warnings.push(
      all
        ? "The file has no diagram for this process; the steps were laid out automatically."
        : `The file's diagram has no shape for ${fromDiagram.missing.map((s) => s.id).join(", ")}; all steps were laid out automatically.`,
    );
    return layoutDefinition(definition);
  }
  const { positions, sizes, stretch } = fromDiagram;
  if (stretch.x !== 1 || stretch.y !== 1) {
    warnings.push(`Baton's shapes are larger than the file's, so the drawing was stretched ×${round(stretch.x)} across and ×${round(stretch.y)} down to keep them apart.`);
  }
  // Parsing copied the steps; they are still in the order of `placed`.
  const all = definition.steps.map((s, i) => ({ step: s, at: positions.get(placed[i]!.step) ?? s.position, size: sizes.get(placed[i]!.step) }));
  const byId = new Map<string, OnCanvas>();
  for (const o of all) if (!byId.has(o.step.id)) byId.set(o.step.id, o);
  return { ...definition, steps: growAroundInside(all.map((o) => insideParent(o, all, byId))) };
}

/**
 * A sub-process grown around its inside may no longer fit its own parent:
 * grow every sub-process, innermost first, to hold what lies in it, so the
 * drawing exports as it imports.
 */
function growAroundInside(steps: Step[]): Step[] {
  const out = [...steps];
  for (let i = out.length - 1; i >= 0; i--) {
    const step = out[i]!;
    if (step.kind !== "subProcess") continue;
    const size = { ...shapeSize(step) };
    for (const inner of out.filter((s) => s.parent === step.id && s !== step)) {
      const box = shapeSize(inner);
      size.width = Math.max(size.width, round(inner.position.x + box.width));
      size.height = Math.max(size.height, round(inner.position.y + box.height));
    }
    out[i] = { ...step, size };
  }
  return out;
}

type OnCanvas = { step: Step; at: { x: number; y: number }; size: { width: number; height: number } | undefined };

/**
 * A step's stored position: relative to its sub-process's corner. When the
 * inside does not fit the sub-process's shape (a collapsed sub-process,
 * drawn on a diagram of its own), the inside keeps its own arrangement and
 * the sub-process grows around it.
 */
function insideParent(own: OnCanvas, all: OnCanvas[], byId: ReadonlyMap<string, OnCanvas>): Step {
  const { step } = own;
  let placed: Step = { ...step, position: own.at };
  if (step.kind === "subProcess") {
    const box = own.size ?? shapeSize(step);
    const inner = all.filter((o) => o.step.parent === step.id);
    const extent = boxAround(inner);
    const fits = !extent || (extent.left >= own.at.x && extent.top >= own.at.y && extent.right <= own.at.x + box.width && extent.bottom <= own.at.y + box.height);
    const size = fits || !extent ? box : { width: round(Math.max(box.width, extent.right - extent.left + 2 * PAD)), height: round(Math.max(box.height, extent.bottom - extent.top + 2 * PAD)) };
    placed = { ...placed, size } as Step;
  }
  const parent = step.parent === undefined ? undefined : byId.get(step.parent);
  if (!parent || parent.step.kind !== "subProcess" || parent === own) return placed;
  const siblings = all.filter((o) => o.step.parent === step.parent);
  const extent = boxAround(siblings)!;
  const box = parent.size ?? shapeSize(parent.step);
  const fits = extent.left >= parent.at.x && extent.top >= parent.at.y && extent.right <= parent.at.x + box.width && extent.bottom <= parent.at.y + box.height;
  const origin = fits ? parent.at : { x: extent.left - PAD, y: extent.top - PAD };
  return { ...placed, position: { x: round(own.at.x - origin.x), y: round(own.at.y - origin.y) } };
}

const PAD = 40;

function boxAround(items: OnCanvas[]) {
  if (items.length === 0) return undefined;
  const boxes = items.map((o) => ({ ...o.at, ...(o.size ?? shapeSize(o.step)) }));
  return {
    left: Math.min(...boxes.map((b) => b.x)),
    top: Math.min(...boxes.map((b) => b.y)),
    right: Math.max(...boxes.map((b) => b.x + b.width)),
    bottom: Math.max(...boxes.map((b) => b.y + b.height)),
  };
}

/** The flow elements of a process, and of the sub-processes in it, however deep. */
function allFlowElements(container: ModdleElement): ModdleElement[] {
  return children(container, "flowElements").flatMap((el) => [el, ...(isA(el, "bpmn:SubProcess") ? allFlowElements(el) : [])]);
}

function lanesOf(process: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const walk = (laneSet: ModdleElement) => {
    for (const lane of children(laneSet, "lanes")) {
      out.push(lane);
      const nested = child(lane, "childLaneSet");
      if (nested) walk(nested);
    }
  };
  for (const laneSet of children(process, "laneSets")) walk(laneSet);
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;
