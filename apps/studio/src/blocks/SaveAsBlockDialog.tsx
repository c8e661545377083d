import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { blockFromSelection, hasErrors, validateBlock, type BlockFragment, type ProcessDefinition } from "@baton/model";
import { readBatonError } from "../api/baton-error.ts";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { blockKeyFromName } from "./block-key.ts";
import { blockQueryKeys, type SavedBlock } from "./blocks-api.ts";
import { useBlocksApi } from "./blocks-api-context.ts";
import { BlockPreview } from "./BlockPreview.tsx";
import { BlockProblemList } from "./BlockProblemList.tsx";
import { BlockUsageList } from "./BlockUsageList.tsx";
import { TextField } from "../ui/TextField.tsx";
import "./blocks.css";

export type SaveAsBlockDialogProps = {
  /** The process the selection belongs to (the draft as currently edited). */
  definition: ProcessDefinition;
  /** The selected steps; the connections between them come along, those leaving the selection do not. */
  selectedStepIds: readonly string[];
  /** Closed: nothing is rendered, and the next opening starts with empty fields. */
  open: boolean;
  /** Cancel, Escape, the backdrop, and after a successful save. */
  onClose: () => void;
  /** The selection was saved as `version` of block `key`; called before `onClose`. */
  onSaved: (saved: SavedBlock & { name: string }) => void;
};

/**
 * "Save as block": names the selected steps and saves them to the shared
 * library. The key follows the name until the analyst edits it; a key that
 * already exists saves the next version of that block, and the dialog says
 * so and lists the processes using it. The selection is checked with
 * `validateBlock` as it is typed; saving with errors shows them instead of
 * calling the server.
 */
export function SaveAsBlockDialog(props: SaveAsBlockDialogProps) {
  return props.open ? <SaveAsBlockForm {...props} /> : null;
}

const NOTHING_SELECTED: BlockFragment = { steps: [], connections: [] };

type Fragment = { ok: true; fragment: BlockFragment } | { ok: false; message: string };

function SaveAsBlockForm({ definition, selectedStepIds, onClose, onSaved }: SaveAsBlockDialogProps) {
  const api = useBlocksApi();
  const queryClient = useQueryClient();
  const ids = useId();
  const [name, setName] = useState("");
  const [editedKey, setEditedKey] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const [attempted, setAttempted] = useState(false);
  const key = editedKey ?? blockKeyFromName(name);

  const selection = useMemo((): Fragment => {
    try {
      return { ok: true, fragment: blockFromSelection(definition, selectedStepIds) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }, [definition, selectedStepIds]);
  const fragment = selection.ok ? selection.fragment : NOTHING_SELECTED;
  const problems = useMemo(
    () => validateBlock({ schemaVersion: 1, key, name, description, ...fragment }),
    [key, name, description, fragment],
  );
  const fieldProblem = (field: "key" | "name") => problems.find((p) => p.path?.length === 1 && p.path[0] === field);
  const selectionProblems = problems.filter((p) => !(p.path?.length === 1 && (p.path[0] === "key" || p.path[0] === "name")));

  const list = useQuery({ queryKey: blockQueryKeys.list, queryFn: () => api.list() });
  const existing = list.data?.find((b) => b.key === key);
  const save = useMutation({
    mutationFn: () => api.save({ key, name: name.trim(), description, ...fragment, expectedVersion: existing?.version ?? null }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: blockQueryKeys.all });
      onSaved({ ...saved, name: name.trim() });
      onClose();
    },
    // Someone saved this key meanwhile: reload, so the dialog offers the next version.
    onError: () => void queryClient.invalidateQueries({ queryKey: blockQueryKeys.list }),
  });
  const submit = () => {
    setAttempted(true);
    if (selection.ok && !hasErrors(problems)) save.mutate();
  };
  const showField = (field: "key" | "name", value: string) => {
    const problem = fieldProblem(field);
    return problem && (attempted || value.trim() !== "") ? problem.message.replace(/^Block, \w+: /, "") : null;
  };
  const nameError = showField("name", name);
  const keyError = showField("key", key);

  return (
    <Dialog
      title="Save as block"
      onClose={onClose}
      locked={save.isPending}
      actions={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`${ids}-form`} busy={save.isPending}>
            {existing ? `Save as version ${existing.version + 1} of ${existing.name}` : "Save block"}
          </Button>
        </>
      }
    >
      <form
        id={`${ids}-form`}
        className="save-block-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          id={`${ids}-name`}
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          placeholder="Manager approval with escalation"
          data-autofocus
        />
        <TextField
          id={`${ids}-key`}
          label="Key"
          className="mono"
          value={key}
          onChange={(e) => setEditedKey(e.target.value)}
          error={keyError}
          help="Names the block in the library; saving under an existing key adds a version."
          spellCheck={false}
        />
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-description`}>
            Description
          </label>
          <textarea id={`${ids}-description`} className="input textarea" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
      </form>
      {existing && (
        <div className="save-block-existing callout">
          <div>
            <p>
              <strong>{existing.name}</strong> already uses this key (version {existing.version}). Saving adds version {existing.version + 1}.
            </p>
            <BlockUsageList blockKey={existing.key} />
          </div>
        </div>
      )}
      <div className="save-block-selection">
        <span className="field-label">Selection</span>
        {selection.ok ? <BlockPreview steps={fragment.steps} connections={fragment.connections} label="The selection" /> : <p className="form-error">{selection.message}</p>}
        <BlockProblemList problems={selectionProblems} />
      </div>
      {save.isError && (
        <p className="form-error" role="alert">
          {readBatonError(save.error).message}
        </p>
      )}
    </Dialog>
  );
}
