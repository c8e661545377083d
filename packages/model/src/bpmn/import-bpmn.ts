import { processDefinitionSchema, processKeySchema, type Connection, type ProcessDefinition, type Step } from "../process-definition.ts";
import { layoutDefinition } from "../layout/layout-definition.ts";
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

  const elements = children(process, "flowElements");
  const nameOf = (id: string) => {
    const el = elements.find((e) => e.id === id);
    return el ? describeElement(el) : id;
  };
  const ids = new StepIds();
  const placed: { element: ModdleElement; step: Step }[] = [];
  const isBoundary = (el: ModdleElement) => el.$type === "bpmn:BoundaryEvent";
  for (const el of elements) {
    if (isA(el, "bpmn:SequenceFlow") || isBoundary(el)) continue;
    const step = importFlowNode(el, ctx, ids, nameOf);
    if (step) placed.push({ element: el, step });
  }
  // Events on an activity's border come once their activity has its Baton id.
  const hostIdOf = new Map(placed.map((p) => [p.element, p.step.id]));
  for (const el of elements.filter(isBoundary)) {
    const host = child(el, "attachedToRef");
    const hostId = host && hostIdOf.get(host);
    if (hostId === undefined) {
      if (onlyEventDefinition(el) && ["bpmn:TimerEventDefinition", "bpmn:ErrorEventDefinition"].includes(onlyEventDefinition(el)!.$type)) {
        listUnsupported(ctx, el, `${describeElement(el)} sits on ${host ? `${describeElement(host)}, which was not imported` : "no activity"}`);
      } else listUnsupported(ctx, el, unsupportedReason(el, nameOf));
      continue;
    }
    const step = importFlowNode(el, ctx, ids, nameOf, hostId);
    if (step) placed.push({ element: el, step });
  }
  placed.sort((a, b) => elements.indexOf(a.element) - elements.indexOf(b.element));
  const stepIdOf = new Map(placed.map((p) => [p.element, p.step.id]));
  const connections: Connection[] = [];
  for (const flow of elements.filter((e) => isA(e, "bpmn:SequenceFlow"))) {
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
  const { positions, stretch } = fromDiagram;
  if (stretch.x !== 1 || stretch.y !== 1) {
    warnings.push(`Baton's shapes are larger than the file's, so the drawing was stretched ×${round(stretch.x)} across and ×${round(stretch.y)} down to keep them apart.`);
  }
  // Parsing copied the steps; they are still in the order of `placed`.
  return { ...definition, steps: definition.steps.map((s, i) => ({ ...s, position: positions.get(placed[i]!.step) ?? s.position })) };
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
