import { ReactFlowProvider } from "@xyflow/react";
import { useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys.ts";
import type { DraftView, VersionSummary } from "../api/studio-types.ts";
import { DraftWorkspace } from "../designer/DraftWorkspace.tsx";
import type { ProcessView } from "./use-process-data.ts";
import { VersionWorkspace } from "./VersionWorkspace.tsx";

type Props = {
  processKey: string;
  view: ProcessView;
  versions: VersionSummary[];
  hasDraft: boolean;
  onChooseVersion: (version: number | null) => void;
};

/** The process page: the draft in the designer, or a published version read-only. */
export function ProcessWorkspace({ processKey, view, versions, hasDraft, onChooseVersion }: Props) {
  const queryClient = useQueryClient();
  if (view.mode === "draft") {
    const draft: DraftView = { key: processKey, ...view };
    return (
      <ReactFlowProvider>
        <DraftWorkspace processKey={processKey} draft={draft} versions={versions} onChooseVersion={onChooseVersion} />
      </ReactFlowProvider>
    );
  }
  const draftVersion = queryClient.getQueryData<DraftView>(queryKeys.draft(processKey))?.version ?? null;
  return (
    <ReactFlowProvider>
      <VersionWorkspace view={view} versions={versions} hasDraft={hasDraft} draftVersion={draftVersion} onChooseVersion={onChooseVersion} />
    </ReactFlowProvider>
  );
}
