import type { FormBlock } from "@baton/model";
import { ArrowDown, ArrowUp, Columns2, Eye, GripVertical, Heading, Trash2, Type } from "lucide-react";
import { useState, type DragEvent, type KeyboardEvent } from "react";
import type { FormSlot } from "../editor/commands/form-tree.ts";
import { blockRegistry } from "@baton/forms";
import { carriesBlock, MOVE_BLOCK, readDrop, type DropPayload } from "./drag-data.ts";

export type TreeActions = {
  select: (id: string) => void;
  drop: (payload: DropPayload, into: FormSlot, index: number) => void;
  move: (id: string, into: FormSlot, index: number) => void;
  remove: (id: string) => void;
};

type Props = {
  blocks: FormBlock[];
  slot: FormSlot;
  selectedId: string | null;
  problemIds: ReadonlySet<string>;
  readOnly: boolean;
  actions: TreeActions;
};

/**
 * The form as a tree of cards: fields, sections and side-by-side columns
 * with what is inside them. Drag a card (or a palette entry) onto a gap to
 * put it there; Alt+↑/↓ moves the selected card, Delete removes it.
 */
export function FormTree(props: Props) {
  const { blocks, slot, readOnly } = props;
  return (
    <ol className="fd-list">
      {blocks.map((block, index) => (
        <li key={block.id} className="fd-item">
          {!readOnly && <DropGap slot={slot} index={index} actions={props.actions} />}
          <BlockCard {...props} block={block} index={index} count={blocks.length} />
        </li>
      ))}
      {!readOnly && (
        <li className="fd-item fd-item-end">
          <DropGap slot={slot} index={blocks.length} actions={props.actions} empty={blocks.length === 0} />
        </li>
      )}
    </ol>
  );
}

function DropGap({ slot, index, actions, empty }: { slot: FormSlot; index: number; actions: TreeActions; empty?: boolean }) {
  const [over, setOver] = useState(false);
  const onDragOver = (e: DragEvent) => {
    if (!carriesBlock(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes(MOVE_BLOCK) ? "move" : "copy";
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const payload = readDrop(e.dataTransfer);
    if (!payload) return;
    e.preventDefault();
    e.stopPropagation();
    actions.drop(payload, slot, index);
  };
  return (
    <div
      className={`fd-gap ${over ? "is-over" : ""} ${empty ? "is-empty" : ""}`}
      data-testid="form-drop-gap"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {empty ? "Drop fields here" : null}
    </div>
  );
}

type CardProps = Props & { block: FormBlock; index: number; count: number };

function BlockCard({ block, index, count, slot, selectedId, problemIds, readOnly, actions }: CardProps) {
  const selected = block.id === selectedId;
  const onKeyDown = (e: KeyboardEvent) => {
    if (readOnly) return;
    if (e.altKey && e.key === "ArrowUp" && index > 0) actions.move(block.id, slot, index - 1);
    else if (e.altKey && e.key === "ArrowDown" && index < count - 1) actions.move(block.id, slot, index + 2);
    else if (e.key === "Delete") actions.remove(block.id);
    else return;
    e.preventDefault();
  };
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(MOVE_BLOCK, block.id);
    e.dataTransfer.effectAllowed = "move";
    e.stopPropagation();
  };
  const { title, meta, Icon } = describe(block);
  return (
    <div
      className={`fd-card fd-card-${block.type} ${selected ? "is-selected" : ""} ${problemIds.has(block.id) ? "has-problem" : ""}`}
      draggable={!readOnly}
      onDragStart={onDragStart}
      data-block-id={block.id}
    >
      <div className="fd-card-head">
        {!readOnly && <GripVertical className="fd-grip" size={14} aria-hidden="true" />}
        <button
          type="button"
          className="fd-card-select"
          aria-pressed={selected}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Delete"
          onClick={() => actions.select(block.id)}
          onKeyDown={onKeyDown}
        >
          {Icon && <Icon size={14} aria-hidden="true" />}
          <span className="fd-card-title">{title}</span>
          <span className="fd-card-meta">{meta}</span>
          {"required" in block && block.required && <span className="tag tag-accent">Required</span>}
          {"requiredIf" in block && block.requiredIf && <span className="tag">Required if</span>}
          {block.visibleIf && (
            <span className="tag" title={`Shown only if ${block.visibleIf}`}>
              <Eye size={11} aria-hidden="true" /> If
            </span>
          )}
          {"readOnly" in block && block.readOnly && <span className="tag">Read-only</span>}
          {block.type === "section" && sourceBlock(block) && (
            <span className="tag tag-block">
              Block {sourceBlock(block)!.key} v{sourceBlock(block)!.version}
            </span>
          )}
        </button>
        {!readOnly && (
          <span className="fd-card-tools">
            <button type="button" className="icon-button" aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => actions.move(block.id, slot, index - 1)}>
              <ArrowUp size={14} aria-hidden="true" />
            </button>
            <button type="button" className="icon-button" aria-label={`Move ${title} down`} disabled={index === count - 1} onClick={() => actions.move(block.id, slot, index + 2)}>
              <ArrowDown size={14} aria-hidden="true" />
            </button>
            <button type="button" className="icon-button" aria-label={`Remove ${title}`} onClick={() => actions.remove(block.id)}>
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </span>
        )}
      </div>
      {block.type === "section" && (
        <div className="fd-nested">
          <FormTree blocks={block.children} slot={{ parentId: block.id }} selectedId={selectedId} problemIds={problemIds} readOnly={readOnly} actions={actions} />
        </div>
      )}
      {block.type === "columns" && (
        <div className="fd-columns" style={{ gridTemplateColumns: `repeat(${block.columns.length}, minmax(0, 1fr))` }}>
          {block.columns.map((column, c) => (
            <div key={c} className="fd-column" aria-label={`Column ${c + 1}`} role="group">
              <FormTree blocks={column.children} slot={{ parentId: block.id, column: c }} selectedId={selectedId} problemIds={problemIds} readOnly={readOnly} actions={actions} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** The reusable form block a section was inserted from, if any. */
export function sourceBlock(block: FormBlock): { key: string; version: number } | undefined {
  return (block as { block?: { key: string; version: number } }).block;
}

function describe(block: FormBlock): { title: string; meta: string; Icon?: typeof Type } {
  switch (block.type) {
    case "section":
      return { title: block.title, meta: "Section", Icon: Heading };
    case "columns":
      return { title: "Side by side", meta: `${block.columns.length} columns`, Icon: Columns2 };
    case "staticText":
      return { title: block.text.length > 48 ? `${block.text.slice(0, 47)}…` : block.text, meta: "Text", Icon: Type };
    case "display":
      return { title: block.label, meta: `Shows ${block.variable}` };
    default:
      return { title: block.label, meta: `${blockRegistry[block.type].label} · ${block.key}` };
  }
}
