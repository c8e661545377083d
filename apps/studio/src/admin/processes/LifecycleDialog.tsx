import { useId, useState } from "react";
import { useToast } from "../../ui/Toaster.tsx";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { useAdminApi } from "../admin-api-context.ts";
import type { ProcessOverview } from "../admin-api.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";

/** What an admin decides about a published process or version, each confirmed in words first. */
export type LifecycleAction =
  | { kind: "deprecate"; version: number; running: number; isLatest: boolean }
  | { kind: "undeprecate"; version: number }
  | { kind: "rollback"; version: number; latest: number }
  | { kind: "archive" }
  | { kind: "unarchive" };

type Props = { process: ProcessOverview; action: LifecycleAction; onClose: () => void };

const REASON_MAX = 500;

export function LifecycleDialog({ process, action, onClose }: Props) {
  const api = useAdminApi();
  const toast = useToast();
  const id = useId();
  const [reason, setReason] = useState("");
  const run = useAdminMutation(
    async (): Promise<string> => {
      const why = reason.trim();
      switch (action.kind) {
        case "deprecate":
          await api.deprecate(process.key, action.version, why);
          return `Version ${action.version} is deprecated.`;
        case "undeprecate":
          await api.undeprecate(process.key, action.version);
          return `Version ${action.version} may be started again.`;
        case "rollback": {
          const result = await api.rollback(process.key, action.version, why);
          return result.created ? `Version ${result.version} now runs version ${action.version}'s process.` : `The latest version already runs version ${action.version}'s process.`;
        }
        case "archive":
          await api.archive(process.key, why);
          return `${process.name} is archived.`;
        case "unarchive":
          await api.unarchive(process.key);
          return `${process.name} can be started again.`;
      }
    },
    (message) => {
      toast(message, "success");
      onClose();
    },
  );
  const text = wording(process, action);
  const asksReason = action.kind === "deprecate" || action.kind === "rollback" || action.kind === "archive";
  const tooLong = reason.trim().length > REASON_MAX;
  return (
    <ConfirmDialog
      title={text.title}
      confirmLabel={text.confirm}
      danger={action.kind === "deprecate" || action.kind === "archive"}
      busy={run.mutation.isPending}
      error={run.error?.message ?? null}
      onConfirm={() => !tooLong && run.mutation.mutate(undefined)}
      onClose={onClose}
    >
      {text.body.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {asksReason && (
        <div className="field lifecycle-reason">
          <label className="field-label" htmlFor={`${id}-reason`}>
            Reason <span className="field-optional">(optional, shown to admins{action.kind === "rollback" ? " in the release note" : " and to people who try to start it"})</span>
          </label>
          <textarea
            id={`${id}-reason`}
            className="input textarea"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={tooLong || undefined}
            aria-describedby={tooLong ? `${id}-reason-error` : undefined}
          />
          {tooLong && (
            <span id={`${id}-reason-error`} className="field-error">
              Keep the reason to {REASON_MAX} characters ({reason.trim().length} now).
            </span>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}

function wording(process: ProcessOverview, action: LifecycleAction): { title: string; confirm: string; body: string[] } {
  switch (action.kind) {
    case "deprecate":
      return {
        title: `Deprecate version ${action.version} of ${process.name}?`,
        confirm: "Deprecate",
        body: [
          `No new requests start on version ${action.version}. ${action.running === 0 ? "Nothing runs on it now." : `The ${action.running} running on it go on and finish on it.`}`,
          ...(action.isLatest ? [`It is the latest version: until you roll back or publish a new version, nobody can start ${process.name}.`] : []),
        ],
      };
    case "undeprecate":
      return { title: `Undeprecate version ${action.version}?`, confirm: "Undeprecate", body: [`Version ${action.version} may be started again when it is the latest, and rolled back to.`] };
    case "rollback":
      return {
        title: `Roll back ${process.name} to version ${action.version}?`,
        confirm: `Roll back to version ${action.version}`,
        body: [
          `Version ${action.version}'s process is published again as version ${action.latest + 1}, and new requests use it.`,
          `Requests running on version ${action.latest} or earlier stay on their version.`,
        ],
      };
    case "archive":
      return {
        title: `Archive ${process.name}?`,
        confirm: "Archive",
        body: ["Nobody can start it any more and the portal no longer lists it. Requests already running go on; you still see it and its versions here."],
      };
    case "unarchive":
      return { title: `Unarchive ${process.name}?`, confirm: "Unarchive", body: ["It is listed in the portal again, and people may start its latest version."] };
  }
}
