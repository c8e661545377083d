import { useReactFlow } from "@xyflow/react";
import { useCallback, useRef, useState } from "react";
import { hasErrors } from "@baton/model";
import type { DraftView, VersionSummary } from "../api/studio-types.ts";
import type { FocusRequest } from "../canvas/FocusOnRequest.tsx";
import { ProcessCanvas } from "../canvas/ProcessCanvas.tsx";
import { dropLocalCopies, findLocalCopy } from "../editor/local-copies.ts";
import { sameJson } from "../editor/definition-ops.ts";
import { canAddStep } from "../editor/rules.ts";
import { ProblemsPanel } from "../problems/ProblemsPanel.tsx";
import { bpmnTab } from "../process/bpmn-tab.tsx";
import { CheckSource } from "../process/CheckSource.tsx";
import { ProcessToolbar } from "../process/ProcessToolbar.tsx";
import { problemTarget, selectOnly, singleSelected, type Selection } from "../process/selection.ts";
import { useDirectory } from "../process/use-directory.ts";
import { useServerCheck } from "../process/use-server-check.ts";
import { WorkspaceLayout } from "../process/WorkspaceLayout.tsx";
import { PropertiesPanel } from "../properties/PropertiesPanel.tsx";
import { useToast } from "../ui/Toaster.tsx";
import { autoLayout, autoLayoutUnavailable } from "./auto-layout.ts";
import { BlocksPaletteSection, SaveSelectionAsBlock, useBlockDrop } from "./blocks-integration.tsx";
import { DraftDialogs } from "./DraftDialogs.tsx";
import { EditToolbar } from "./EditToolbar.tsx";
import { Palette } from "./Palette.tsx";
import { SaveStatus } from "./SaveStatus.tsx";
import { useCanvasEditor } from "./use-canvas-editor.ts";
import { useDraftSession } from "./use-draft-session.ts";
import { usePublishFlow } from "./use-publish-flow.tsx";

type Props = {
  processKey: string;
  draft: DraftView;
  versions: VersionSummary[];
  onChooseVersion: (version: number | null) => void;
};

/**
 * The process designer: palette, editable canvas, editable properties,
 * live problems, undo/redo, autosave and publishing, for one draft. Every
 * change goes through the command stack (see editor/command-stack.ts).
 */
export function DraftWorkspace({ processKey, draft, versions, onChooseVersion }: Props) {
  const toast = useToast();
  const flow = useReactFlow();
  const { directory, personName } = useDirectory();
  const canvasHost = useRef<HTMLDivElement>(null);
  const viewportCentre = useCallback(() => {
    const rect = canvasHost.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }, [flow]);
  const session = useDraftSession({ processKey, draft, viewportCentre });
  const { stack, definition, autosave, status, designer, liveProblems, checking } = session;
  const [keptCopy] = useState(() => keptCopyOf(processKey, draft));
  const [conflictOpen, setConflictOpen] = useState(false);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  const server = useServerCheck(definition, toast);
  const problems = server.check?.problems ?? liveProblems;
  const canvasEditor = useCanvasEditor(designer, useBlockDrop(designer.actions, toast));
  const publishFlow = usePublishFlow({
    processKey,
    name: definition.name,
    definition,
    latestVersion: versions[0]?.version ?? null,
    nextVersion: (versions[0]?.version ?? 0) + 1,
    knownErrors: hasErrors(liveProblems) ? liveProblems.filter((p) => p.severity === "error").length : 0,
    autosave,
    stack,
    onRefused: server.refused,
  });

  const showOnCanvas = useCallback(
    (target: Selection) => {
      designer.setSelection(selectOnly(target));
      setFocus((f) => ({ target, nonce: (f?.nonce ?? 0) + 1 }));
    },
    [designer],
  );
  const start = canAddStep(definition, "start");

  return (
    <>
      <WorkspaceLayout
        toolbar={
          <ProcessToolbar
            name={definition.name}
            mode="draft"
            version={autosave.baseVersion ?? draft.version}
            status={<SaveStatus status={status} onRetry={() => void autosave.flush()} onResolve={() => setConflictOpen(true)} />}
            versions={versions}
            hasDraft
            draftVersion={autosave.baseVersion}
            onChooseVersion={onChooseVersion}
            onValidate={server.validate}
            validating={server.validating}
            onPublish={publishFlow.open}
            publishing={publishFlow.publishing}
          />
        }
        palette={<Palette onInsert={(kind) => designer.actions.insert(kind)} startRefusal={start.ok ? null : start.reason} blocks={<BlocksPaletteSection actions={designer.actions} />} />}
        diagramTools={
          <EditToolbar
            stack={stack}
            actions={designer.actions}
            selection={designer.selection}
            layoutUnavailable={autoLayout ? null : autoLayoutUnavailable}
            layingOut={layingOut}
            onAutoLayout={() => {
              setLayingOut(true);
              void designer.actions.autoLayout().finally(() => {
                setLayingOut(false);
                void flow.fitView({ padding: 0.1, maxZoom: 1.1, duration: 300 });
              });
            }}
          />
        }
        diagram={
          <div className="canvas-host" ref={canvasHost}>
            <ProcessCanvas
              definition={definition}
              problems={problems}
              selection={designer.selection}
              onSelectionChange={designer.setSelection}
              directory={directory}
              focus={focus}
              editor={canvasEditor}
            />
          </div>
        }
        bpmn={bpmnTab(definition)}
        problems={
          <ProblemsPanel
            problems={problems}
            definition={definition}
            source={<CheckSource check={server.check} checking={checking} />}
            selection={singleSelected(designer.selection)}
            onSelectProblem={(p) => showOnCanvas(problemTarget(p))}
          />
        }
        properties={
          <PropertiesPanel
            definition={definition}
            selection={designer.selection}
            problems={problems}
            directory={directory}
            onSelect={showOnCanvas}
            actions={designer.actions}
            processes={session.processes}
            selectionExtras={<SaveSelectionAsBlock definition={definition} stepIds={designer.selection.steps} />}
          />
        }
      />
      <DraftDialogs
        processKey={processKey}
        stack={stack}
        autosave={autosave}
        status={status}
        draft={draft}
        keptCopy={keptCopy}
        personName={personName}
        conflictOpen={conflictOpen}
        setConflictOpen={setConflictOpen}
        notify={toast}
      />
      {publishFlow.dialog}
    </>
  );
}

/** Unsaved work from an earlier visit, unless it is what the server has anyway. */
function keptCopyOf(processKey: string, draft: DraftView) {
  if (typeof localStorage === "undefined") return null;
  const copy = findLocalCopy(localStorage, processKey);
  if (copy && sameJson(copy.definition, draft.definition)) dropLocalCopies(localStorage, processKey);
  return copy && !sameJson(copy.definition, draft.definition) ? copy : null;
}
