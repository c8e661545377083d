import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formBlockQueryKeys, formBlocksApi } from "./form-blocks-api.ts";
import { followDraft, outdatedDrafts } from "./follow-drafts.ts";

type Props = { blockKey: string; version: number; openProcessKey: string | undefined; onDone: () => void };
type Outcome = { ok: boolean; text: string };

/**
 * After a new version of a form block is saved: the other drafts that use
 * an older version, each to tick to bring it forward now. Unticked drafts
 * stay pinned on their version until someone updates them; published
 * versions never change.
 */
export function FollowDrafts({ blockKey, version, openProcessKey, onDone }: Props) {
  const queryClient = useQueryClient();
  const usage = useQuery({ queryKey: formBlockQueryKeys.usage(blockKey), queryFn: () => formBlocksApi.usage(blockKey) });
  const drafts = usage.data ? outdatedDrafts(usage.data, version, openProcessKey) : [];
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<Map<string, Outcome>>(new Map());

  const toggle = (key: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const run = async () => {
    setRunning(true);
    const results = new Map<string, Outcome>();
    for (const draft of drafts.filter((d) => chosen.has(d.processKey))) {
      const result = await followDraft(draft, formBlocksApi.follow);
      results.set(draft.processKey, result.ok ? { ok: true, text: `updated to version ${version}` } : { ok: false, text: `not updated: ${result.message}` });
      setOutcomes(new Map(results));
    }
    await queryClient.invalidateQueries({ queryKey: ["studio"] });
    setChosen(new Set());
    setRunning(false);
  };

  if (usage.isPending) return <p className="prop-field-hint">Version {version} saved. Looking up the drafts that use the block…</p>;
  return (
    <div className="fd-follow" role="group" aria-label="Drafts using an older version">
      <p className="prop-field-hint">
        Version {version} saved.{" "}
        {drafts.length === 0
          ? "No other draft uses an older version."
          : "Other drafts keep their version until they are updated; tick the ones to update now. Published versions stay as they were sealed."}
      </p>
      {drafts.length > 0 && (
        <ul className="fd-usage-list">
          {drafts.map((d) => {
            const outcome = outcomes.get(d.processKey);
            return (
              <li key={d.processKey}>
                <label className="fd-follow-choice">
                  <input type="checkbox" checked={chosen.has(d.processKey)} disabled={running || outcome?.ok} onChange={(e) => toggle(d.processKey, e.target.checked)} />
                  Draft “{d.name}”: version {[...new Set(d.sections.map((s) => s.version))].join(", ")}
                </label>
                {outcome && (
                  <span className={outcome.ok ? "fd-follow-ok" : "prop-field-error"} role={outcome.ok ? undefined : "alert"}>
                    {" "}
                    {outcome.text}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="fd-save-actions">
        {drafts.length > 0 && (
          <button type="button" className="btn btn-sm btn-primary" onClick={() => void run()} disabled={running || chosen.size === 0} title={chosen.size === 0 ? "Tick the drafts to update first" : undefined}>
            {running ? "Updating…" : chosen.size === 0 ? "Update drafts" : `Update ${chosen.size} draft${chosen.size === 1 ? "" : "s"}`}
          </button>
        )}
        <button type="button" className="btn btn-sm" onClick={onDone} disabled={running}>
          Done
        </button>
      </div>
    </div>
  );
}
