import { listUnsupported, type ImportContext } from "./import-report.ts";
import { child, children, type ModdleElement } from "./moddle.ts";
import { unsupportedReason } from "./unsupported-reasons.ts";

/**
 * The last guard against dropping anything quietly: every element the file
 * draws (a shape or an edge in any diagram) must be imported or listed. One
 * inside something already listed (a sub-process, another pool's process)
 * is covered by that entry; anything else nothing claimed is listed here.
 */
export function sweepDiagram(ctx: ImportContext, definitions: ModdleElement): void {
  for (const diagram of children(definitions, "diagrams")) {
    for (const di of children(child(diagram, "plane"), "planeElement")) {
      const element = child(di, "bpmnElement");
      if (!element || ctx.covered.has(element) || insideListed(ctx, element)) continue;
      listUnsupported(ctx, element, unsupportedReason(element, (id) => id));
    }
  }
}

function insideListed(ctx: ImportContext, element: ModdleElement): boolean {
  for (let at = element.$parent; at; at = at.$parent) if (ctx.listed.has(at)) return true;
  return false;
}

