import { useState, type ReactNode } from "react";
import type { ProcessDefinition, Problem } from "@baton/model";
import { readBatonError } from "../api/baton-error.ts";
import type { Autosave } from "../editor/autosave.ts";
import type { EditorStack } from "../editor/commands/index.ts";
import { PublishDialog } from "../process/PublishDialog.tsx";
import { usePublish } from "../process/use-publish.ts";
import { useToast } from "../ui/Toaster.tsx";

type Options = {
  processKey: string;
  name: string;
  /** What the analyst sees, for the release note the dialog proposes. */
  definition: ProcessDefinition;
  latestVersion: number | null;
  nextVersion: number;
  knownErrors: number;
  autosave: Autosave;
  stack: EditorStack;
  onRefused: (problems: Problem[]) => void;
};

/**
 * Publish as before (confirm, then the server seals the saved draft), with
 * one step first: the latest edits are saved, so what is published is what
 * the analyst sees. A draft that cannot be saved is not published.
 */
export function usePublishFlow({ processKey, name, definition, latestVersion, nextVersion, knownErrors, autosave, stack, onRefused }: Options): {
  open: () => void;
  publishing: boolean;
  dialog: ReactNode;
} {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const publish = usePublish(processKey, {
    onPublished: (result) => {
      setOpen(false);
      toast(result.created ? `Published version ${result.version}` : `Nothing changed since version ${result.version}`, result.created ? "success" : "info");
    },
    onRefused: (problems) => {
      setOpen(false);
      onRefused(problems);
      toast("Publishing was refused: fix the errors in the problems list.", "error");
    },
  });
  const publishError = publish.error ? readBatonError(publish.error) : null;
  const confirm = async (sealed: { label: string; releaseNote: string }) => {
    setSaveError(null);
    setSaving(true);
    await autosave.flush();
    setSaving(false);
    const status = autosave.getStatus();
    if (stack.isDirty() || status.state === "conflict" || status.state === "error") {
      setSaveError(`The latest changes could not be saved, so nothing was published. ${"message" in status ? status.message : ""}`.trim());
      return;
    }
    publish.mutate(sealed);
  };
  const busy = saving || publish.isPending;
  return {
    open: () => {
      publish.reset();
      setSaveError(null);
      setOpen(true);
    },
    publishing: busy,
    dialog: open && (
      <PublishDialog
        name={name}
        processKey={processKey}
        definition={definition}
        latestVersion={latestVersion}
        nextVersion={nextVersion}
        knownErrors={knownErrors}
        busy={busy}
        error={saveError ?? (publishError && publishError.code !== "INVALID_PROCESS" ? publishError.message : null)}
        onConfirm={(sealed) => void confirm(sealed)}
        onClose={() => setOpen(false)}
      />
    ),
  };
}
