import { useCallback, useState } from "react";
import type { VersionSummary } from "../api/studio-types.ts";
import type { FocusRequest } from "../canvas/FocusOnRequest.tsx";
import { ProcessCanvas } from "../canvas/ProcessCanvas.tsx";
import { formatDateTime, formatRelativeTime } from "../lib/format-time.ts";
import { ProblemsPanel } from "../problems/ProblemsPanel.tsx";
import { useLiveProblems } from "../problems/use-live-problems.ts";
import { PropertiesPanel } from "../properties/PropertiesPanel.tsx";
import { useToast } from "../ui/Toaster.tsx";
import { bpmnTab } from "./bpmn-tab.tsx";
import { CheckSource } from "./CheckSource.tsx";
import { ProcessToolbar } from "./ProcessToolbar.tsx";
import { nothingSelected, problemTarget, selectOnly, singleSelected, type ElementSelection, type Selection } from "./selection.ts";
import { useDirectory } from "./use-directory.ts";
import type { ProcessView } from "./use-process-data.ts";
import { useServerCheck } from "./use-server-check.ts";
import { WorkspaceLayout } from "./WorkspaceLayout.tsx";

type Props = {
  view: Extract<ProcessView, { mode: "published" }>;
  versions: VersionSummary[];
  hasDraft: boolean;
  draftVersion: number | null;
  onChooseVersion: (version: number | null) => void;
};

/** A published version: looked at, checked, never changed (it is sealed). */
export function VersionWorkspace({ view, versions, hasDraft, draftVersion, onChooseVersion }: Props) {
  const { definition } = view;
  const toast = useToast();
  const { directory, personName } = useDirectory();
  const [selection, setSelection] = useState<ElementSelection>(nothingSelected);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const server = useServerCheck(definition, toast);
  const live = useLiveProblems(definition);
  const problems = server.check?.problems ?? live.problems;
  const showOnCanvas = useCallback((target: Selection) => {
    setSelection(selectOnly(target));
    setFocus((f) => ({ target, nonce: (f?.nonce ?? 0) + 1 }));
  }, []);

  return (
    <WorkspaceLayout
      toolbar={
        <ProcessToolbar
          name={definition.name}
          mode="published"
          version={view.version}
          status={
            <span className="muted" title={formatDateTime(view.publishedAt)}>
              · published {formatRelativeTime(view.publishedAt)} by {personName(view.publishedBy)}
            </span>
          }
          versions={versions}
          hasDraft={hasDraft}
          draftVersion={draftVersion}
          onChooseVersion={onChooseVersion}
          onValidate={server.validate}
          validating={server.validating}
          onPublish={() => {}}
          publishing={false}
        />
      }
      diagram={
        <ProcessCanvas
          definition={definition}
          problems={problems}
          selection={selection}
          onSelectionChange={setSelection}
          directory={directory}
          focus={focus}
        />
      }
      bpmn={bpmnTab(definition)}
      problems={
        <ProblemsPanel
          problems={problems}
          definition={definition}
          source={<CheckSource check={server.check} checking={live.checking} />}
          selection={singleSelected(selection)}
          onSelectProblem={(p) => showOnCanvas(problemTarget(p))}
        />
      }
      properties={<PropertiesPanel definition={definition} selection={selection} problems={problems} directory={directory} onSelect={showOnCanvas} />}
    />
  );
}
