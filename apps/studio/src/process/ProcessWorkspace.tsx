import { ReactFlowProvider } from "@xyflow/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { hasErrors, validate, type Problem } from "@baton/model";
import { useCallback, useMemo, useState } from "react";
import { readBatonError } from "../api/baton-error.ts";
import { queryKeys } from "../api/query-keys.ts";
import type { DraftView, VersionSummary } from "../api/studio-types.ts";
import { api } from "../api/trpc-client.ts";
import type { FocusRequest } from "../canvas/FocusOnRequest.tsx";
import { ProcessCanvas } from "../canvas/ProcessCanvas.tsx";
import { countProblems, summarizeProblems } from "../problems/group-problems.ts";
import { ProblemsPanel } from "../problems/ProblemsPanel.tsx";
import { PropertiesPanel } from "../properties/PropertiesPanel.tsx";
import { useToast } from "../ui/Toaster.tsx";
import { ProcessToolbar } from "./ProcessToolbar.tsx";
import { PublishDialog } from "./PublishDialog.tsx";
import { problemTarget, type Selection } from "./selection.ts";
import { useDirectory } from "./use-directory.ts";
import type { ProcessView } from "./use-process-data.ts";
import { usePublish } from "./use-publish.ts";

type Props = {
  processKey: string;
  view: ProcessView;
  versions: VersionSummary[];
  hasDraft: boolean;
  onChooseVersion: (version: number | null) => void;
};

/** A check the server ran, shown instead of the live one until the view changes. */
type ServerCheck = { problems: Problem[]; at: Date; reason: "validate" | "publish" };

/**
 * The process page: toolbar, canvas, properties and problems. It owns the
 * selection; the canvas and panels only show it and ask to change it. The
 * definition comes from the server and is not edited here (yet).
 */
export function ProcessWorkspace({ processKey, view, versions, hasDraft, onChooseVersion }: Props) {
  const { definition } = view;
  const toast = useToast();
  const queryClient = useQueryClient();
  const { directory, personName } = useDirectory();
  const [selection, setSelection] = useState<Selection>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [serverCheck, setServerCheck] = useState<ServerCheck | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);

  const liveProblems = useMemo(() => validate(definition), [definition]);
  const problems = serverCheck?.problems ?? liveProblems;

  const showOnCanvas = useCallback((target: Selection) => {
    setSelection(target);
    setFocus((f) => ({ target, nonce: (f?.nonce ?? 0) + 1 }));
  }, []);

  const validation = useMutation({
    mutationFn: () => api.validate(definition),
    onSuccess: ({ problems: found }) => {
      setServerCheck({ problems: found, at: new Date(), reason: "validate" });
      const { errors } = countProblems(found);
      toast(`Server check: ${summarizeProblems(found)}`, errors ? "error" : found.length ? "info" : "success");
    },
    onError: (error) => toast(readBatonError(error).message, "error"),
  });

  const nextVersion = (versions[0]?.version ?? 0) + 1;
  const publish = usePublish(processKey, {
    onPublished: (result) => {
      setPublishOpen(false);
      toast(result.created ? `Published version ${result.version}` : `Nothing changed since version ${result.version}`, result.created ? "success" : "info");
    },
    onRefused: (found) => {
      setPublishOpen(false);
      setServerCheck({ problems: found, at: new Date(), reason: "publish" });
      toast("Publishing was refused: fix the errors in the problems list.", "error");
    },
  });
  const publishError = publish.error ? readBatonError(publish.error) : null;

  const draftVersion =
    view.mode === "draft" ? view.version : (queryClient.getQueryData<DraftView>(queryKeys.draft(processKey))?.version ?? null);

  const source = serverCheck ? (
    <>
      {serverCheck.reason === "publish" ? "Publishing was refused" : "Checked on the server"} at{" "}
      {serverCheck.at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
    </>
  ) : (
    "Checked as you look"
  );

  return (
    <ReactFlowProvider>
      <div className="workspace">
        <ProcessToolbar
          view={view}
          versions={versions}
          hasDraft={hasDraft}
          draftVersion={draftVersion}
          onChooseVersion={onChooseVersion}
          onValidate={() => validation.mutate()}
          validating={validation.isPending}
          onPublish={() => {
            publish.reset();
            setPublishOpen(true);
          }}
          publishing={publish.isPending}
          personName={personName}
        />
        <div className="workspace-body">
          <div className="workspace-canvas">
            <ProcessCanvas
              definition={definition}
              problems={problems}
              selection={selection}
              onSelect={setSelection}
              directory={directory}
              focus={focus}
            />
          </div>
          <div className="workspace-problems">
            <ProblemsPanel
              problems={problems}
              definition={definition}
              source={source}
              selection={selection}
              onSelectProblem={(p) => showOnCanvas(problemTarget(p))}
            />
          </div>
          <div className="workspace-properties">
            <PropertiesPanel
              definition={definition}
              selection={selection}
              problems={problems}
              directory={directory}
              onSelect={showOnCanvas}
            />
          </div>
        </div>
      </div>
      {publishOpen && (
        <PublishDialog
          name={definition.name}
          nextVersion={nextVersion}
          knownErrors={hasErrors(liveProblems) ? countProblems(liveProblems).errors : 0}
          busy={publish.isPending}
          error={publishError && publishError.code !== "INVALID_PROCESS" ? publishError.message : null}
          onConfirm={() => publish.mutate()}
          onClose={() => setPublishOpen(false)}
        />
      )}
    </ReactFlowProvider>
  );
}
