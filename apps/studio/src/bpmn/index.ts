/**
 * BPMN in the studio. To wire in:
 * - the process page's "BPMN" tab: `<DefinitionBpmnPanel definition={definition} />`
 *   (exports the definition on the page, unsaved edits included, in the browser), or
 *   `<ProcessBpmnPanel processKey={key} version={v} />` (the stored draft or a published
 *   version, exported by the server); both draw it and offer the download. `<BpmnView
 *   xml={…} />` draws XML you already have;
 * - the processes list's "Import BPMN" button: `<ImportBpmnDialog onClose={…}
 *   onOpenDraft={(key) => navigate(`/processes/${key}`)} />`.
 * bpmn-js loads lazily, in its own chunk, the first time a diagram is shown.
 */
export { BpmnPanel } from "./BpmnPanel.tsx";
export { BpmnView } from "./BpmnView.tsx";
export { DefinitionBpmnPanel } from "./DefinitionBpmnPanel.tsx";
export { ImportBpmnDialog } from "./ImportBpmnDialog.tsx";
export { ImportReport } from "./ImportReport.tsx";
export { ProcessBpmnPanel } from "./ProcessBpmnPanel.tsx";
export { bpmnApi } from "./bpmn-api.ts";
export type { BpmnExportView, ImportBpmnInput, ImportBpmnResult } from "./bpmn-types.ts";
