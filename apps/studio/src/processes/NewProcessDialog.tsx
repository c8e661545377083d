import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useNavigate } from "react-router";
import { readBatonError } from "../api/baton-error.ts";
import { queryKeys } from "../api/query-keys.ts";
import { api } from "../api/trpc-client.ts";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { keyFromName, keyProblem, newProcessDefinition } from "./new-process.ts";

/**
 * "New process": a name (and a key made from it, which the analyst may
 * change), then a draft with only a start and an end is saved and opened
 * in the designer.
 */
export function NewProcessDialog({ takenKeys, onClose }: { takenKeys: readonly string[]; onClose: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const shownKey = key ?? keyFromName(name);
  const nameProblem = name.trim() ? null : "Give the process a name.";
  const problem = keyProblem(shownKey, takenKeys);
  const create = useMutation({
    mutationFn: () => api.saveDraft(shownKey, null, newProcessDefinition(shownKey, name)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.processes });
      navigate(`/processes/${encodeURIComponent(shownKey)}`);
    },
  });
  const submit = () => {
    setTried(true);
    if (!nameProblem && !problem) create.mutate();
  };
  return (
    <Dialog
      title="New process"
      onClose={onClose}
      locked={create.isPending}
      actions={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`${id}-form`} busy={create.isPending}>
            Create
          </Button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input id={`${id}-name`} className="input" value={name} data-autofocus autoComplete="off" aria-invalid={tried && nameProblem ? true : undefined} onChange={(e) => setName(e.target.value)} />
          {tried && nameProblem && <div className="prop-field-error">{nameProblem}</div>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-key`}>
            Key
          </label>
          <input id={`${id}-key`} className="input is-mono" value={shownKey} autoComplete="off" aria-invalid={(tried || key !== null) && problem ? true : undefined} aria-describedby={`${id}-key-note`} onChange={(e) => setKey(e.target.value)} />
          <div id={`${id}-key-note`} className={(tried || key !== null) && problem && shownKey ? "prop-field-error" : "prop-field-hint"}>
            {(tried || key !== null) && problem && shownKey ? problem : "Names the process in links and the API; it cannot be changed later."}
          </div>
        </div>
        <p className="muted">It starts with a start and an end; the designer opens next.</p>
        {create.error && (
          <p className="form-error" role="alert">
            {readBatonError(create.error).message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
