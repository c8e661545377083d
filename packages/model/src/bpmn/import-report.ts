import type { ProcessDefinition, StepKind } from "../process-definition.ts";
import type { Problem } from "../problems.ts";
import { text, type ModdleElement } from "./moddle.ts";

/** What an import made of one file element: a step or a connection. */
export type ImportedElement = {
  /** The element's id in the file. */
  id: string;
  /** Its BPMN type, e.g. `bpmn:UserTask`. */
  type: string;
  name: string;
  kind: StepKind | "connection";
  /** The Baton step id, when it had to differ from the file's id. */
  stepId?: string;
};

/** An element of the file that is not in the draft (or only in part), and why. */
export type UnsupportedElement = { id: string; type: string; reason: string };

export type BpmnImportReport = {
  /** The process that was read; a file may hold several. */
  process: { id: string; name?: string } | null;
  imported: ImportedElement[];
  unsupported: UnsupportedElement[];
  /** Things imported with a change of meaning or left for the analyst to finish. */
  warnings: string[];
  /** `validate` of the imported draft. */
  problems: Problem[];
  /** Set when nothing could be imported: unreadable XML, not BPMN, no process. */
  error?: { message: string; line?: number; column?: number };
};

export type BpmnImportResult = { definition: ProcessDefinition | null; report: BpmnImportReport };

/**
 * What every part of the import appends to. `covered` holds each element the
 * report accounts for (imported or listed), so the final sweep over the
 * diagram can list whatever nothing else claimed: nothing is dropped quietly.
 */
export type ImportContext = {
  imported: ImportedElement[];
  unsupported: UnsupportedElement[];
  warnings: string[];
  covered: Set<ModdleElement>;
  /** Elements listed as unsupported: whatever is inside them is accounted for too. */
  listed: Set<ModdleElement>;
  /** The file's expression language, when the definitions declare one. */
  fileLanguage: string | undefined;
};

export function newContext(fileLanguage: string | undefined): ImportContext {
  return { imported: [], unsupported: [], warnings: [], covered: new Set(), listed: new Set(), fileLanguage };
}

export function listUnsupported(ctx: ImportContext, el: ModdleElement, reason: string, type = el.$type): void {
  ctx.covered.add(el);
  ctx.listed.add(el);
  const id = text(el, "id");
  if (id) ctx.unsupported.push({ id, type, reason });
  else ctx.warnings.push(`An unnamed ${type} without an id was not imported: ${reason}.`);
}

/** `"Approve invoice" (approveInvoice)` or `approveInvoice`, for messages. */
export function describeElement(el: ModdleElement): string {
  const id = text(el, "id") ?? "(no id)";
  const name = elementName(el);
  return name ? `"${name}" (${id})` : id;
}

/** An element's name on one line (tools put line breaks in names to wrap them). */
export function elementName(el: ModdleElement): string {
  return (text(el, "name") ?? "").replace(/\s*[\r\n]+\s*/g, " ");
}
