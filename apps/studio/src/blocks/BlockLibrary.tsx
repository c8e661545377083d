import { useQuery } from "@tanstack/react-query";
import { Plus, Search } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { readBatonError } from "../api/baton-error.ts";
import { Button } from "../ui/Button.tsx";
import { Spinner } from "../ui/Spinner.tsx";
import { blockQueryKeys, type BlockListing } from "./blocks-api.ts";
import { useBlocksApi } from "./blocks-api-context.ts";
import { writeBlockDrag } from "./block-drag.ts";
import { matchBlocks } from "./match-blocks.ts";
import { BlockPreview } from "./BlockPreview.tsx";
import "./blocks.css";

export type BlockLibraryProps = {
  /**
   * The analyst pressed a block's Insert button (the keyboard way in; the
   * mouse way is dragging, see `readBlockDrag`). Gets the block's latest
   * version: insert `item.block` with `insertBlock(definition, item.block,
   * { version: item.version, at })`.
   */
  onInsert: (item: BlockListing) => void;
  /** Nothing can be inserted (a read-only view): no dragging, no Insert buttons. */
  disabled?: boolean;
};

/**
 * The palette's block section: the shared library's blocks (latest
 * version of each) with a preview, searchable by name, description or
 * key. Each block can be dragged onto the canvas or inserted with its
 * button.
 */
export function BlockLibrary({ onInsert, disabled = false }: BlockLibraryProps) {
  const api = useBlocksApi();
  const list = useQuery({ queryKey: blockQueryKeys.list, queryFn: () => api.list() });
  const [query, setQuery] = useState("");
  const headingId = useId();
  const shown = useMemo(() => matchBlocks(list.data ?? [], query), [list.data, query]);

  return (
    <section className="block-library" aria-labelledby={headingId}>
      <h3 id={headingId} className="block-library-title">
        Blocks
      </h3>
      <label className="block-search">
        <Search size={14} aria-hidden="true" />
        <input className="input" type="search" placeholder="Search blocks" aria-label="Search blocks" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {list.isPending ? (
        <Spinner label="Loading blocks…" />
      ) : list.isError ? (
        <div className="block-library-note" role="alert">
          <p className="text-error">{readBatonError(list.error).message}</p>
          <Button size="sm" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      ) : list.data.length === 0 ? (
        <p className="block-library-note muted">No blocks yet. Select steps on the canvas and save them as a block to reuse them here.</p>
      ) : shown.length === 0 ? (
        <p className="block-library-note muted">No block matches “{query.trim()}”.</p>
      ) : (
        <ul className="block-list">
          {shown.map((item) => (
            <BlockItem key={item.key} item={item} disabled={disabled} onInsert={onInsert} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BlockItem({ item, disabled, onInsert }: { item: BlockListing; disabled: boolean; onInsert: (item: BlockListing) => void }) {
  return (
    <li
      className={`block-item ${disabled ? "" : "is-draggable"}`}
      draggable={!disabled}
      onDragStart={(e) => writeBlockDrag(e.dataTransfer, { key: item.key, version: item.version })}
      title={disabled ? undefined : "Drag onto the canvas to insert"}
    >
      <BlockPreview steps={item.block.steps} connections={item.block.connections} label={item.name} />
      <div className="block-item-head">
        <span className="block-item-name">{item.name}</span>
        <span className="tag" aria-label={`version ${item.version}`}>
          v{item.version}
        </span>
      </div>
      {item.description && <p className="block-item-description">{item.description}</p>}
      <div className="block-item-foot">
        <p className="block-item-meta muted">
          {item.block.steps.length} step{item.block.steps.length === 1 ? "" : "s"}
          {item.usedBy > 0 && ` · used in ${item.usedBy} process${item.usedBy === 1 ? "" : "es"}`}
        </p>
        {!disabled && (
          <Button size="sm" variant="ghost" icon={<Plus size={14} />} aria-label={`Insert ${item.name}`} onClick={() => onInsert(item)}>
            Insert
          </Button>
        )}
      </div>
    </li>
  );
}
