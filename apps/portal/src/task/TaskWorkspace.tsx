import { BatonForm } from "@baton/forms/react";
import type { BatonFormHandle, FormData } from "@baton/forms/react";
import { useQueryClient } from "@tanstack/react-query";
import { CircleCheck, Forward, Hand, Undo2 } from "lucide-react";
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useMe } from "../auth/use-me.ts";
import { draftFormChange } from "../autosave/draft-form-change.ts";
import { DraftConflictNotice } from "../autosave/DraftConflictNotice.tsx";
import { SaveStatus } from "../autosave/SaveStatus.tsx";
import { useAutosave } from "../autosave/use-autosave.ts";
import { SkeletonRows, Spinner } from "../components/Loading.tsx";
import { useToast } from "../components/Toasts.tsx";
import { useAttachmentService } from "../lib/attachment-service.ts";
import type { TaskDetail, TaskSummary } from "../lib/api-types.ts";
import { batonError, userMessage } from "../lib/baton-error.ts";
import { formatDateTime } from "../lib/format-date.ts";
import { trpc } from "../lib/trpc.ts";
import { useFormInputs } from "../lib/use-form-inputs.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { useServerErrors } from "../lib/use-server-errors.ts";
import { completionToast } from "./completion-toast.ts";
import { HandOverDialog } from "./HandOverDialog.tsx";
import { TaskHeader } from "./TaskHeader.tsx";

/** The task's form with autosave, claim/release, hand-over and complete, for one copy of the task from the server. */
export function TaskWorkspace({ detail, reload }: { detail: TaskDetail; reload: () => Promise<void> }) {
  const { task, form, draft, submitted, description } = detail;
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const formRef = useRef<BatonFormHandle>(null);
  const server = useServerErrors();
  const [data, setData] = useState<FormData>(() => toFormData(task.status === "completed" ? submitted : draft?.data));
  const [busy, setBusy] = useState<"complete" | "claim" | "release" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [handingOver, setHandingOver] = useState(false);
  const handOverButton = useRef<HTMLButtonElement>(null);
  const editable = task.canComplete;
  const inputs = useFormInputs(form, task.instanceId);
  const attachments = useAttachmentService({ taskId: task.id });
  usePageTitle(task.name);

  const autosave = useAutosave<FormData>({
    enabled: editable,
    data,
    version: draft?.version ?? null,
    initialStatus: draft ? { kind: "saved", at: draft.updatedAt } : { kind: "idle" },
    save: (d, expectedVersion) => trpc.portal.saveDraft.mutate({ taskId: task.id, data: d, expectedVersion }),
  });

  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: ["portal", "inbox"] });
    void queryClient.invalidateQueries({ queryKey: ["portal", "myRequests"] });
  };

  const complete = async (formData: FormData) => {
    server.clear();
    setFailure(null);
    setBusy("complete");
    await autosave.hold();
    try {
      const result = await trpc.portal.complete.mutate({ taskId: task.id, data: formData });
      autosave.finish();
      refreshLists();
      queryClient.removeQueries({ queryKey: ["portal", "task", task.id] });
      toast(completionToast(result));
      navigate("/");
    } catch (err) {
      autosave.release();
      setBusy(null);
      const baton = batonError(err);
      if (baton?.code === "INVALID_DATA" && baton.fieldErrors.length > 0) {
        server.set(baton.fieldErrors);
        requestAnimationFrame(() => formRef.current?.focusErrorSummary());
      } else {
        setFailure(userMessage(err));
      }
    }
  };

  /** Claim or release, then take a fresh copy of the task. */
  const changeOwner = async (kind: "claim" | "release") => {
    setFailure(null);
    setBusy(kind);
    if (kind === "release") await autosave.hold();
    try {
      if (kind === "claim") await trpc.portal.claim.mutate({ taskId: task.id });
      else await trpc.portal.unclaim.mutate({ taskId: task.id });
      refreshLists();
      toast({ tone: "success", message: kind === "claim" ? "The task is yours now." : "The task is back in the group's queue." });
      await reload();
    } catch (err) {
      if (kind === "release") autosave.release();
      setFailure(userMessage(err));
      setBusy(null);
    }
  };

  // Autosave waits while the dialog is open, so what was typed is in the draft the new assignee opens.
  const openHandOver = async () => {
    setFailure(null);
    if (!(await autosave.saveAndHold())) {
      autosave.release();
      setFailure("What you typed could not be saved yet, so it would not go with the task. Try again in a moment.");
      return;
    }
    setHandingOver(true);
  };
  const cancelHandOver = () => {
    setHandingOver(false);
    autosave.release();
    handOverButton.current?.focus();
  };
  const handedOver = async (moved: TaskSummary) => {
    setHandingOver(false);
    refreshLists();
    toast({ tone: "success", message: moved.assignee ? `Handed to ${moved.assignee.displayName}.` : `Put into the ${moved.candidateGroup?.name ?? "group"} queue.` });
    if (moved.canHandOver) {
      // An admin still looks after it: show it as it is now.
      autosave.release();
      await reload();
    } else {
      autosave.finish();
      queryClient.removeQueries({ queryKey: ["portal", "task", task.id] });
      navigate("/");
    }
  };

  return (
    <article className="card task-card" aria-busy={busy !== null}>
      <TaskHeader task={task} me={me} />
      {description ? <p className="task-description">{description}</p> : null}

      {task.status === "completed" ? (
        <div className="notice notice--success">
          <CircleCheck size={18} aria-hidden="true" />
          <p>
            Completed{task.completedAt ? ` on ${formatDateTime(task.completedAt)}` : ""}. This is what was submitted.
          </p>
        </div>
      ) : task.status === "cancelled" ? (
        <div className="notice">
          <p>This task was cancelled. There is nothing more to do here.</p>
        </div>
      ) : task.canClaim ? (
        <div className="notice notice--info">
          <p>
            This task is waiting for someone in <strong>{task.candidateGroup?.name ?? "your group"}</strong>. Claim it
            to fill in the form.
          </p>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void changeOwner("claim")} disabled={busy !== null}>
            {busy === "claim" ? <Spinner size={14} /> : <Hand size={15} aria-hidden="true" />}
            {busy === "claim" ? "Claiming…" : "Claim"}
          </button>
        </div>
      ) : !editable ? (
        <div className="notice">
          <p>
            {task.assignee
              ? `${task.assignee.displayName} is working on this task. You can look, but only they can complete it.`
              : "You can look at this task, but you cannot complete it."}
          </p>
        </div>
      ) : null}

      {autosave.status.kind === "conflict" ? <DraftConflictNotice what="This task" onReload={() => void reload()} /> : null}

      <div className="task-form">
        {inputs.loading ? (
          <SkeletonRows rows={4} label="Loading the form…" />
        ) : (
          <BatonForm
            id="task-form"
            formRef={formRef}
            schema={form.schema}
            uiSchema={form.uiSchema}
            formData={data}
            readonly={!editable}
            disabled={busy === "complete"}
            submitOnEnter={false}
            extraErrors={server.extraErrors}
            onChange={draftFormChange(setData, autosave, server.fieldEdited)}
            onSubmit={(formData) => void complete(formData)}
            variables={inputs.variables}
            choices={inputs.choices}
            directory={inputs.directory}
            attachments={attachments}
          />
        )}
      </div>

      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}

      {editable || task.canUnclaim || task.canHandOver ? (
        <div className="form-actions form-actions--sticky">
          {editable ? (
            <button type="button" className="btn btn-primary" onClick={() => formRef.current?.submit()} disabled={busy !== null}>
              {busy === "complete" ? <Spinner size={16} /> : <CircleCheck size={16} aria-hidden="true" />}
              {busy === "complete" ? "Completing…" : "Complete"}
            </button>
          ) : null}
          {task.canUnclaim ? (
            <button type="button" className="btn btn-ghost" onClick={() => void changeOwner("release")} disabled={busy !== null}>
              {busy === "release" ? <Spinner size={14} /> : <Undo2 size={15} aria-hidden="true" />}
              Give back to {task.candidateGroup?.name ?? "the group"}
            </button>
          ) : null}
          {task.canHandOver ? (
            <button ref={handOverButton} type="button" className="btn btn-ghost" onClick={() => void openHandOver()} disabled={busy !== null || handingOver}>
              <Forward size={15} aria-hidden="true" />
              Hand over
            </button>
          ) : null}
          {editable ? (
            <div className="form-actions-status" role="status">
              <SaveStatus status={autosave.status} onRetry={autosave.retry} />
            </div>
          ) : null}
        </div>
      ) : null}
      {handingOver && me ? <HandOverDialog task={task} me={me} onClose={cancelHandOver} onHandedOver={(moved) => void handedOver(moved)} /> : null}
    </article>
  );
}

function toFormData(value: unknown): FormData {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as FormData) : {};
}
