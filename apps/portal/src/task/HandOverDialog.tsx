import { useQuery } from "@tanstack/react-query";
import { Forward } from "lucide-react";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Spinner } from "../components/Loading.tsx";
import type { Me, TaskSummary } from "../lib/api-types.ts";
import { userMessage } from "../lib/baton-error.ts";
import { DIRECTORY_KEY } from "../lib/use-form-inputs.ts";
import { trpcHandOver, type HandOverClient, type HandOverTarget } from "./hand-over-client.ts";

type Props = {
  task: TaskSummary;
  me: Me;
  client?: HandOverClient;
  onClose: () => void;
  /** The task as the server answered after the hand-over. */
  onHandedOver: (task: TaskSummary) => void;
};

const NOTE_MAX = 1000;

/**
 * "Hand over": pick who gets the task from the directory (people; for an
 * admin also the groups' queues) and add an optional note, which the new
 * assignee reads in their notification. A modal dialog: focus starts on the
 * picker and stays inside, Escape or Cancel closes it. The server has the
 * last word (an unknown or disabled user, the four-eyes rule): its reason
 * is shown and the dialog stays open.
 */
export function HandOverDialog({ task, me, client = trpcHandOver, onClose, onHandedOver }: Props) {
  const titleId = useId();
  const toId = useId();
  const noteId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLSelectElement>(null);
  const directory = useQuery({ queryKey: DIRECTORY_KEY, queryFn: () => client.directory(), staleTime: 5 * 60_000 });
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const isAdmin = me.role === "admin";
  const people = (directory.data?.users ?? []).filter((u) => u.username !== task.assignee?.username);
  const queues = isAdmin ? (directory.data?.groups ?? []) : [];

  useEffect(() => {
    if (!directory.isPending) picker.current?.focus();
  }, [directory.isPending]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const to = toTarget(target);
    if (!to || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onHandedOver(await client.reassign({ taskId: task.id, to, note: note.trim() || null }));
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !busy) {
      event.stopPropagation();
      onClose();
    }
    if (event.key === "Tab") keepFocusInside(event, dialog.current);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div ref={dialog} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="dialog-title">
          Hand over “{task.name}”
        </h2>
        <p className="dialog-text">
          {isAdmin
            ? "Give this task to someone else, or put it into a group's queue. They are notified and find it in their inbox."
            : "Give this task to someone else. They are notified and find it in their inbox, with what you typed so far."}
        </p>
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label className="label" htmlFor={toId}>
              Hand to
            </label>
            <select
              id={toId}
              ref={picker}
              className="input"
              value={target}
              disabled={busy || directory.isPending}
              onChange={(e) => setTarget(e.target.value)}
            >
              <option value="" disabled>
                {directory.isPending ? "Loading people…" : "Choose a person…"}
              </option>
              <optgroup label="People">
                {people.map((u) => (
                  <option key={u.username} value={`user:${u.username}`}>
                    {u.displayName} ({u.username})
                  </option>
                ))}
              </optgroup>
              {queues.length > 0 ? (
                <optgroup label="Group queues">
                  {queues.map((g) => (
                    <option key={g.key} value={`group:${g.key}`}>
                      {g.name} queue
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
          <div className="field">
            <label className="label" htmlFor={noteId}>
              Note <span className="label-optional">(optional)</span>
            </label>
            <textarea
              id={noteId}
              className="input"
              rows={3}
              maxLength={NOTE_MAX}
              value={note}
              disabled={busy}
              placeholder="What they should know, e.g. where you left off"
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {directory.isError ? (
            <p className="form-error" role="alert">
              The list of people could not be loaded. {userMessage(directory.error)}
            </p>
          ) : null}
          {failure ? (
            <p className="form-error" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn btn-ghost" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={!target || busy}>
              {busy ? <Spinner size={16} /> : <Forward size={16} aria-hidden="true" />}
              {busy ? "Handing over…" : "Hand over"}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

function toTarget(value: string): HandOverTarget | null {
  if (value.startsWith("user:")) return { user: value.slice("user:".length) };
  if (value.startsWith("group:")) return { group: value.slice("group:".length) };
  return null;
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(event: KeyboardEvent, container: HTMLElement | null): void {
  const focusable = [...(container?.querySelectorAll<HTMLElement>("select, textarea, input, button, [href]") ?? [])].filter((el) => !el.hasAttribute("disabled"));
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
