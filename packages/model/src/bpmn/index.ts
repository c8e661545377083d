/**
 * BPMN 2.0 import and export, and the layout helpers they share with the
 * studio (shape sizes, auto-layout).
 */
export { exportBpmn } from "./export-bpmn.ts";
export { importBpmn, type ImportBpmnOptions } from "./import-bpmn.ts";
export type { BpmnImportReport, BpmnImportResult, ImportedElement, UnsupportedElement } from "./import-report.ts";
export { BATON_BPMN_NAMESPACE } from "./moddle.ts";
export { decodeXmlBytes } from "./read-xml.ts";
export { toProcessKey } from "./process-key.ts";
export { layoutDefinition } from "../layout/layout-definition.ts";
export { shapeCentre, shapeSizes, type ShapeSize } from "../layout/shape-sizes.ts";
