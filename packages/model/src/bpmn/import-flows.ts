import type { Connection } from "../process-definition.ts";
import { readPayload } from "./baton-payload.ts";
import { readCondition } from "./conditions.ts";
import { describeElement, elementName, listUnsupported, type ImportContext } from "./import-report.ts";
import { child, text, type ModdleElement } from "./moddle.ts";

/**
 * A sequence flow as a connection between two imported steps. A flow that
 * touches an element Baton did not take is listed (its other end would
 * dangle). Its condition follows conditions.ts: FEEL as is, safe JUEL
 * translated with a warning, anything else dropped from the connection and
 * listed with the flow's id. A condition on a flow leaving a task (BPMN's
 * implicit inclusive split) is kept: validation then asks for a decision.
 */
export function importSequenceFlow(flow: ModdleElement, ctx: ImportContext, stepIdOf: Map<ModdleElement, string>): Connection | undefined {
  const sourceEl = child(flow, "sourceRef");
  const targetEl = child(flow, "targetRef");
  const source = sourceEl && stepIdOf.get(sourceEl);
  const target = targetEl && stepIdOf.get(targetEl);
  const fileId = text(flow, "id") ?? "";
  if (!source || !target) {
    const missing = [!source ? sourceEl : undefined, !target ? targetEl : undefined].filter((e): e is ModdleElement => !!e);
    const why =
      missing.length > 0
        ? `it connects to ${missing.map((e) => `${describeElement(e)} (${e.$type})`).join(" and ")}, which ${missing.length === 1 ? "is" : "are"} not imported`
        : "one of its ends is missing in the file";
    listUnsupported(ctx, flow, why);
    return undefined;
  }
  const { payload, problem } = readPayload(flow);
  const label = `The connection ${describeElement(flow)}`;
  if (problem) ctx.warnings.push(`${label}: ${problem}; it was ignored.`);
  const id = typeof payload?.batonId === "string" && payload.batonId !== "" ? payload.batonId : fileId;
  const connection: Connection = { id, source, target };
  const name = elementName(flow);
  if (name) connection.label = name;

  const condition = readCondition(child(flow, "conditionExpression"), ctx.fileLanguage);
  if (condition.kind === "feel") {
    connection.condition = condition.feel;
    if (condition.note) ctx.warnings.push(`${label}: ${condition.note}.`);
  } else if (condition.kind === "empty") {
    ctx.warnings.push(`${label} has an empty condition in the file; it was imported without one.`);
  } else if (condition.kind === "refused") {
    ctx.unsupported.push({ id: fileId, type: flow.$type, reason: `${condition.reason}; the connection was kept without its condition` });
  }
  if (sourceEl.default === flow || payload?.isDefault === true) connection.isDefault = true;

  ctx.covered.add(flow);
  ctx.imported.push({ id: fileId, type: flow.$type, name, kind: "connection" });
  return connection;
}
