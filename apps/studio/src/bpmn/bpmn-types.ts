import type { BpmnImportReport } from "@baton/model";

/**
 * The shapes of `studio.importBpmn` and `studio.exportBpmn` (packages/api/API.md),
 * spelled out so the components depend on the contract.
 */
export type ImportBpmnInput = { xml: string; key?: string; processId?: string; publish?: boolean };

export type ImportBpmnResult = {
  key: string;
  draftVersion: number;
  published: { version: number; hash: string; created: boolean } | null;
  notPublished?: string;
  report: BpmnImportReport;
};

export type BpmnExportView = {
  key: string;
  source: "draft" | "published";
  version: number;
  fileName: string;
  xml: string;
};

export type { BpmnImportReport };
