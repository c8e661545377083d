import { BatonForm } from "@baton/forms/react";
import type { BatonFormHandle, FormData } from "@baton/forms/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, CirclePlay, History } from "lucide-react";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { DiscardDraft } from "../autosave/DiscardDraft.tsx";
import { draftFormChange } from "../autosave/draft-form-change.ts";
import { DraftConflictNotice } from "../autosave/DraftConflictNotice.tsx";
import { SaveStatus } from "../autosave/SaveStatus.tsx";
import { useAutosave } from "../autosave/use-autosave.ts";
import { SkeletonRows, Spinner } from "../components/Loading.tsx";
import { useAttachmentService } from "../lib/attachment-service.ts";
import type { StartDraft, Startable, StartResult } from "../lib/api-types.ts";
import { batonError, userMessage } from "../lib/baton-error.ts";
import { formatDateTime } from "../lib/format-date.ts";
import { trpc } from "../lib/trpc.ts";
import { useFormInputs } from "../lib/use-form-inputs.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { useServerErrors } from "../lib/use-server-errors.ts";
import { INBOX_KEY } from "./InboxPage.tsx";
import { MY_REQUESTS_KEY } from "./MyRequestsPage.tsx";

/**
 * One copy of a start form and the participant's draft of it. What they
 * type is autosaved to the draft (the task page's machinery), so a reload
 * or another device resumes it; starting uses the draft up on the server.
 * The page remounts this after "Reload" or "Discard draft", so it always
 * starts from the stored draft and its version, never a mix.
 */
export function StartForm({ process, draft, onStarted, onReload, onDiscarded }: {
  process: Startable;
  draft: StartDraft | null;
  onStarted: (result: StartResult) => void;
  onReload: () => void;
  onDiscarded: () => void;
}) {
  const queryClient = useQueryClient();
  const formRef = useRef<BatonFormHandle>(null);
  const [data, setData] = useState<FormData>(() => draft?.data ?? {});
  const [failure, setFailure] = useState<string | null>(null);
  const server = useServerErrors();
  // A start form has no instance yet, so no variables; its pickers need the directory.
  const inputs = useFormInputs(process.startForm, null);
  usePageTitle(process.name);
  const processKey = process.processKey;
  const attachments = useAttachmentService({ processKey });

  const autosave = useAutosave<FormData>({
    enabled: process.startForm !== null,
    data,
    version: draft?.version ?? null,
    initialStatus: draft ? { kind: "saved", at: draft.updatedAt } : { kind: "idle" },
    save: (d, expectedVersion) => trpc.portal.saveStartDraft.mutate({ processKey, data: d, expectedVersion }),
  });

  const start = useMutation({
    mutationFn: async (formData: FormData) => {
      await autosave.hold();
      return trpc.portal.start.mutate({ processKey, data: formData });
    },
    onSuccess: (result) => {
      autosave.finish(); // the start used the draft up
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      void queryClient.invalidateQueries({ queryKey: MY_REQUESTS_KEY });
      onStarted(result);
    },
    onError: (err) => {
      autosave.release();
      const baton = batonError(err);
      if (baton?.code === "INVALID_DATA" && baton.fieldErrors.length > 0) {
        server.set(baton.fieldErrors);
        setFailure(null);
        requestAnimationFrame(() => formRef.current?.focusErrorSummary());
      } else {
        setFailure(userMessage(err));
      }
    },
  });

  const submit = (formData: FormData) => {
    server.clear();
    setFailure(null);
    start.mutate(formData);
  };

  const discard = async () => {
    setFailure(null);
    const outcome = await autosave.discard((expectedVersion) => trpc.portal.discardStartDraft.mutate({ processKey, expectedVersion }));
    if (outcome.ok) onDiscarded();
    else if (!outcome.conflict) setFailure(outcome.message);
  };

  const conflict = autosave.status.kind === "conflict";
  const hasDraft = autosave.status.kind !== "idle" && !conflict;

  return (
    <div className="page page--narrow">
      <Link to="/start" className="back-link">
        <ArrowLeft size={16} aria-hidden="true" /> All processes
      </Link>
      <div className="card form-card">
        <header className="form-card-header">
          <h1 className="page-title">{process.name}</h1>
          {process.description ? <p className="muted">{process.description}</p> : null}
        </header>
        {draft ? (
          <div className="notice notice--info">
            <History size={18} aria-hidden="true" />
            <p>
              You are continuing your draft from <strong>{formatDateTime(draft.updatedAt)}</strong>. Nothing has been
              started yet.
            </p>
          </div>
        ) : null}
        {conflict ? <DraftConflictNotice what="Your draft of this form" onReload={onReload} /> : null}
        {process.startForm && inputs.loading ? (
          <SkeletonRows rows={4} label="Loading the form…" />
        ) : process.startForm ? (
          <BatonForm
            id="start-form"
            formRef={formRef}
            schema={process.startForm.schema}
            uiSchema={process.startForm.uiSchema}
            formData={data}
            onChange={draftFormChange(setData, autosave, server.fieldEdited)}
            onSubmit={submit}
            extraErrors={server.extraErrors}
            disabled={start.isPending}
            directory={inputs.directory}
            attachments={attachments}
          />
        ) : (
          <p className="muted">No information is needed to start this process.</p>
        )}
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="form-actions">
          {/* With a form, a real submit button of it: Enter in a field starts, as on any web form. */}
          <button
            type={process.startForm ? "submit" : "button"}
            form={process.startForm ? "start-form" : undefined}
            className="btn btn-primary"
            disabled={start.isPending}
            onClick={process.startForm ? undefined : () => submit({})}
          >
            {start.isPending ? <Spinner size={16} /> : <CirclePlay size={16} aria-hidden="true" />}
            {start.isPending ? "Starting…" : "Start"}
          </button>
          <Link to="/start" className="btn btn-ghost">
            {hasDraft ? "Finish later" : "Cancel"}
          </Link>
          {hasDraft ? <DiscardDraft onDiscard={discard} disabled={start.isPending} /> : null}
          {process.startForm && !conflict ? (
            <div className="form-actions-status" role="status">
              <SaveStatus status={autosave.status} onRetry={autosave.retry} />
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
