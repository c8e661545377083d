import { client } from "../api/trpc-client.ts";
import type { BpmnExportView, ImportBpmnInput, ImportBpmnResult } from "./bpmn-types.ts";

/** The two BPMN calls, typed with the contract's shapes (./bpmn-types.ts). */
export const bpmnApi = {
  importBpmn: (input: ImportBpmnInput): Promise<ImportBpmnResult> => client.studio.importBpmn.mutate(input),
  exportBpmn: (key: string, version?: number): Promise<BpmnExportView> =>
    client.studio.exportBpmn.query(version === undefined ? { key } : { key, version }),
};
