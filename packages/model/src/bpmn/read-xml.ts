import { batonModdle, type ModdleElement } from "./moddle.ts";

/**
 * Parsing a BPMN file without ever throwing at the caller: malformed XML,
 * an empty file or XML that is not BPMN come back as one clear sentence
 * (with line and column, 1-based, when the parser knows them). What the
 * parser tolerated (unresolved references, unknown attributes) comes back
 * as warnings.
 */
export type ReadError = { message: string; line?: number; column?: number };
export type ReadResult = { ok: true; definitions: ModdleElement; warnings: string[] } | { ok: false; error: ReadError };

const BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

export async function readBpmnXml(xml: string): Promise<ReadResult> {
  if (xml.trim() === "") return { ok: false, error: { message: "The file is empty; a BPMN file is XML with a <definitions> root element." } };
  try {
    const { rootElement, warnings } = await batonModdle().fromXML(xml);
    return {
      ok: true,
      definitions: rootElement,
      // The text is already decoded (see decodeXmlBytes); moddle's note that it
      // cannot switch encodings does not apply.
      warnings: warnings.filter((w) => !/document encoding/.test(w.message)).map((w) => describeWarning(w.message)),
    };
  } catch (error) {
    return { ok: false, error: describeFailure(error as Error, xml) };
  }
}

function describeFailure(error: Error, xml: string): ReadError {
  const message = error.message ?? String(error);
  if (/failed to parse document as <bpmn:Definitions>/.test(message)) {
    const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ""));
    return {
      message: `The file is XML but not BPMN 2.0: its root element is <${root ? (root[1] ?? "") + root[2] : "?"}>, where a BPMN file has <definitions> in the namespace ${BPMN_MODEL}.`,
    };
  }
  const where = position(message);
  const nested = /nested error: (.*)/.exec(message)?.[1]?.trim();
  const reason = nested ?? message.split("\n")[0]!.trim();
  const at = where ? ` at line ${where.line}, column ${where.column}` : "";
  return { message: `The file is not well-formed XML${at}: ${reason}.`, ...where };
}

/** moddle reports 0-based line and column; people count from 1. */
function position(message: string): { line: number; column: number } | undefined {
  const line = /line: (\d+)/.exec(message)?.[1];
  const column = /column: (\d+)/.exec(message)?.[1];
  return line !== undefined && column !== undefined ? { line: Number(line) + 1, column: Number(column) + 1 } : undefined;
}

function describeWarning(message: string): string {
  const first = message.split("\n")[0]!.trim();
  const where = position(message);
  return `The file has something BPMN readers tolerate: ${first}${where ? ` (line ${where.line}, column ${where.column})` : ""}.`;
}

/**
 * Bytes of a BPMN file as text, in the encoding its XML declaration names
 * (several reference files are ISO-8859-1); UTF-8 when it names none.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
