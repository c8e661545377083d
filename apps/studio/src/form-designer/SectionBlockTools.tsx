import { followFormBlock, type FormDefinition, type SectionBlock } from "@baton/model";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw, Save } from "lucide-react";
import { useState } from "react";
import { keyFromLabel } from "../properties/editors/field-changes.ts";
import { useProperties } from "../properties/properties-context.ts";
import { FollowDrafts } from "./FollowDrafts.tsx";
import { formBlockQueryKeys, formBlocksApi } from "./form-blocks-api.ts";
import { sourceBlock } from "./FormTree.tsx";

type Props = {
  section: SectionBlock;
  form: FormDefinition;
  readOnly: boolean;
  update: (changes: Record<string, unknown>) => void;
  notify: (message: string) => void;
};

/**
 * A section and the form block library: which block (and version) it came
 * from, "Update to version N" when the library has a newer one (one
 * undoable change; published versions keep what they sealed), and "Save as
 * form block", which first shows where the block is already used and, once
 * a new version is saved, offers to update the other drafts using it.
 */
export function SectionBlockTools({ section, form, readOnly, update, notify }: Props) {
  const source = sourceBlock(section);
  const list = useQuery({ queryKey: formBlockQueryKeys.list, queryFn: formBlocksApi.list });
  const latest = list.data?.find((b) => b.key === source?.key);
  const [saving, setSaving] = useState(false);
  // A new version just saved: offer to bring other drafts forward.
  const [followUp, setFollowUp] = useState<{ key: string; version: number } | null>(null);
  const { definition } = useProperties();
  const follow = () => {
    if (!latest) return;
    try {
      const next = followFormBlock(form, section.id, latest.block, latest.version);
      const followed = next.blocks.length ? findSection(next.blocks, section.id) : undefined;
      if (followed) update({ children: followed.children, block: { key: latest.key, version: latest.version } });
    } catch (error) {
      notify((error as Error).message);
    }
  };
  return (
    <fieldset className="prop-fieldset fd-block-tools">
      <legend className="prop-field-label">Form block</legend>
      {source ? (
        <p className="prop-field-hint">
          From “{latest?.name ?? source.key}”, version {source.version}
          {latest && latest.version > source.version ? ` (version ${latest.version} is in the library)` : latest ? " (the latest)" : ""}.
        </p>
      ) : (
        <p className="prop-field-hint">Save this section's fields to the library to reuse them in other forms.</p>
      )}
      {!readOnly && latest && source && latest.version > source.version && (
        <button type="button" className="btn btn-sm" onClick={follow}>
          <RefreshCw size={13} aria-hidden="true" /> Update to version {latest.version}
        </button>
      )}
      {followUp && <FollowDrafts blockKey={followUp.key} version={followUp.version} openProcessKey={definition?.key} onDone={() => setFollowUp(null)} />}
      {!readOnly &&
        !followUp &&
        (saving ? (
          <SaveAsFormBlock section={section} existingKey={source?.key} onDone={(saved) => {
            setSaving(false);
            if (saved) {
              update({ block: saved });
              if (saved.version > 1) setFollowUp(saved);
            }
          }} />
        ) : (
          <button type="button" className="btn btn-sm" onClick={() => setSaving(true)} disabled={section.children.length === 0} title={section.children.length === 0 ? "Put fields in the section first" : undefined}>
            <Save size={13} aria-hidden="true" /> {source ? "Save changes as a new version" : "Save as form block"}
          </button>
        ))}
    </fieldset>
  );
}

function findSection(blocks: FormDefinition["blocks"], id: string): SectionBlock | undefined {
  for (const b of blocks) {
    if (b.type === "section") {
      if (b.id === id) return b;
      const inner = findSection(b.children, id);
      if (inner) return inner;
    } else if (b.type === "columns") {
      for (const c of b.columns) {
        const inner = findSection(c.children, id);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

type SaveProps = { section: SectionBlock; existingKey: string | undefined; onDone: (saved: { key: string; version: number } | null) => void };

function SaveAsFormBlock({ section, existingKey, onDone }: SaveProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(section.title);
  const key = existingKey ?? keyFromLabel(name).replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  const list = useQuery({ queryKey: formBlockQueryKeys.list, queryFn: formBlocksApi.list });
  const existing = list.data?.find((b) => b.key === key);
  const usage = useQuery({ queryKey: formBlockQueryKeys.usage(key), queryFn: () => formBlocksApi.usage(key), enabled: !!existing });
  const save = useMutation({
    mutationFn: () => formBlocksApi.save({ key, name: name.trim(), description: existing?.description ?? "", blocks: section.children, expectedVersion: existing?.version ?? null }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["studio", "formBlocks"] });
      onDone({ key: saved.key, version: saved.version });
    },
  });
  const drafts = usage.data?.drafts ?? [];
  const published = usage.data?.published ?? [];
  return (
    <div className="fd-save-block">
      <label className="prop-field-label" htmlFor="fd-block-name">
        Block name
      </label>
      <input id="fd-block-name" className="input" value={name} onChange={(e) => setName(e.target.value)} disabled={!!existingKey} />
      <p className="prop-field-hint">
        Key <code>{key}</code>
        {existing ? `: saving adds version ${existing.version + 1}.` : ": a new block."}
      </p>
      {existing && (
        <div className="fd-usage" aria-live="polite">
          {usage.isPending ? (
            <p className="prop-field-hint">Looking up where it is used…</p>
          ) : (
            <>
              <p className="prop-field-hint">
                Used in {drafts.length} draft{drafts.length === 1 ? "" : "s"} (they keep their version until someone updates them) and {published.length} published version
                {published.length === 1 ? "" : "s"} (frozen on the version they sealed).
              </p>
              <ul className="fd-usage-list">
                {drafts.map((d) => (
                  <li key={`d-${d.processKey}`}>
                    Draft “{d.name}”: version {[...new Set(d.uses.map((u) => u.version))].join(", ")}
                  </li>
                ))}
                {published.map((p) => (
                  <li key={`p-${p.processKey}-${p.version}`}>
                    “{p.name}” v{p.version} (published): version {[...new Set(p.uses.map((u) => u.version))].join(", ")}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {save.error && (
        <p role="alert" className="prop-field-error">
          Not saved: {save.error.message}
        </p>
      )}
      <div className="fd-save-actions">
        <button type="button" className="btn btn-sm" onClick={() => onDone(null)} disabled={save.isPending}>
          Cancel
        </button>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => save.mutate()} disabled={save.isPending || !name.trim() || (!!existing && usage.isPending)}>
          {save.isPending ? "Saving…" : existing ? `Save version ${existing.version + 1}` : "Save block"}
        </button>
      </div>
    </div>
  );
}
