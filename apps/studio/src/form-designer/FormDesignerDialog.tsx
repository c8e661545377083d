import { insertFormBlock, type FormBlock, type FormDefinition } from "@baton/model";
import { useQueryClient } from "@tanstack/react-query";
import { Redo2, Undo2 } from "lucide-react";
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import type { FormSlot } from "../editor/commands/form-tree.ts";
import { findBlock, slotOf } from "../editor/commands/form-tree.ts";
import { isTyping } from "../lib/is-typing.ts";
import { useProperties } from "../properties/properties-context.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { BlockProperties } from "./BlockProperties.tsx";
import { DesignerPreview } from "./DesignerPreview.tsx";
import type { DropPayload } from "./drag-data.ts";
import { FieldPalette, FORM_BLOCK_PREFIX } from "./FieldPalette.tsx";
import { formBlockQueryKeys, type FormBlockView } from "./form-blocks-api.ts";
import { FormTree, type TreeActions } from "./FormTree.tsx";
import { knownVariables } from "./known-variables.ts";
import { newBlock } from "./new-block.ts";
import "./form-designer.css";

type Props = { stepId: string; stepName: string; form: FormDefinition | undefined; onClose: () => void };

const EMPTY: FormDefinition = { schemaVersion: 1, blocks: [] };

/**
 * The form designer: field blocks on the left, the form as a tree of cards
 * in the middle (drag to add, reorder and nest), the selected block's
 * properties and a live preview (the portal's own component) on the right.
 * Every change is a command on the designer's stack, so Undo here and on
 * the canvas are the same history.
 */
export default function FormDesignerDialog({ stepId, stepName, form: given, onClose }: Props) {
  const { actions, readOnly, definition, problems, directory } = useProperties();
  const form = given ?? EMPTY;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<"properties" | "preview">("properties");
  const [message, setMessage] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const selected = selectedId ? findBlock(form.blocks, selectedId) : undefined;
  const variables = useMemo(() => knownVariables(definition, stepId), [definition, stepId]);
  const stepProblems = useMemo(() => (problems ?? []).filter((p) => p.stepId === stepId && p.fieldId), [problems, stepId]);
  const problemIds = useMemo(() => new Set(stepProblems.map((p) => p.fieldId!)), [stepProblems]);
  // Undo can take the selected block away.
  useEffect(() => {
    if (selectedId && !selected) setSelectedId(null);
  }, [selectedId, selected]);

  const select = (id: string) => {
    setSelectedId(id);
    setTab("properties");
  };
  const add = (type: string, into?: FormSlot, index?: number) => {
    setMessage(null);
    const block = type.startsWith(FORM_BLOCK_PREFIX) ? fromLibrary(type.slice(FORM_BLOCK_PREFIX.length)) : newBlock(form, type as Parameters<typeof newBlock>[1]);
    if (!block) return;
    let slot = into;
    let at = index;
    if (!slot && selectedId) {
      const here = slotOf(form.blocks, selectedId);
      if (here) {
        slot = here.slot;
        at = here.index + 1;
      }
    }
    if (actions?.run("field.add", { stepId, field: block, ...(slot ? { into: slot } : {}), ...(at !== undefined ? { index: at } : {}) })) select(block.id);
  };
  /** A library block as a section of copies (keys kept, fresh ids); null and a message on a key clash. */
  const fromLibrary = (key: string): FormBlock | null => {
    const view = queryClient.getQueryData<FormBlockView[]>(formBlockQueryKeys.list)?.find((b) => b.key === key);
    if (!view) return null;
    try {
      const next = insertFormBlock(form, view.block, view.version);
      return next.blocks.at(-1)!;
    } catch (error) {
      setMessage((error as Error).message);
      return null;
    }
  };
  const move = (id: string, into: FormSlot, index: number) => {
    actions?.run("field.place", { stepId, fieldId: id, into, index });
    // Keep the keyboard on the moved card.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(id)}"] .fd-card-select`)?.focus());
  };
  const tree: TreeActions = {
    select,
    move,
    drop: (payload: DropPayload, into, index) => (payload.kind === "new" ? add(payload.type, into, index) : move(payload.id, into, index)),
    remove: (id) => {
      if (actions?.run("field.delete", { stepId, fieldId: id }) && id === selectedId) setSelectedId(null);
    },
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!actions || isTyping(e.target)) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === "z" && !e.shiftKey) actions.undo();
    else if (mod && ((key === "z" && e.shiftKey) || key === "y")) actions.redo();
    else return;
    e.preventDefault();
  };

  return (
    <Dialog
      title={`Form: ${stepName}`}
      onClose={onClose}
      wide
      actions={
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="fd" onKeyDown={onKeyDown}>
        <datalist id="fd-known-variables">
          {variables.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <FieldPalette onAdd={(type) => add(type)} disabled={readOnly} />
        <section className="fd-canvas" aria-label="The form">
          <div className="fd-toolbar">
            <span className="muted">{fieldCount(countFields(form.blocks))} · drag blocks here, or press one on the left</span>
            {actions && (
              <span className="fd-toolbar-tools">
                <button type="button" className="icon-button" aria-label="Undo" title="Undo (Ctrl+Z)" onClick={actions.undo}>
                  <Undo2 size={15} aria-hidden="true" />
                </button>
                <button type="button" className="icon-button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" onClick={actions.redo}>
                  <Redo2 size={15} aria-hidden="true" />
                </button>
              </span>
            )}
          </div>
          {message && (
            <p role="alert" className="prop-field-error">
              {message}
            </p>
          )}
          {form.blocks.length === 0 && readOnly ? (
            <p className="muted">This step has no form.</p>
          ) : (
            <FormTree blocks={form.blocks} slot={{ parentId: null }} selectedId={selectedId} problemIds={problemIds} readOnly={readOnly} actions={tree} />
          )}
          {stepProblems.length > 0 && (
            <ul className="fd-problems" aria-label="Problems in this form">
              {stepProblems.map((p, i) => (
                <li key={i} className={p.severity === "error" ? "is-error" : "is-warning"}>
                  <button type="button" className="link-button" onClick={() => p.fieldId && findBlock(form.blocks, p.fieldId) && select(p.fieldId)}>
                    {p.message}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="fd-side" aria-label="Selected block and preview">
          <div className="fd-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === "properties"} className={tab === "properties" ? "is-active" : ""} onClick={() => setTab("properties")}>
              Properties
            </button>
            <button type="button" role="tab" aria-selected={tab === "preview"} className={tab === "preview" ? "is-active" : ""} onClick={() => setTab("preview")}>
              Preview
            </button>
          </div>
          <div role="tabpanel" className="fd-side-body">
            {tab === "preview" ? (
              <DesignerPreview form={form} directory={directory} />
            ) : selected ? (
              <BlockProperties
                key={selected.id}
                stepId={stepId}
                block={selected}
                form={form}
                place={slotOf(form.blocks, selected.id)!.slot}
                variables={variables}
                readOnly={readOnly}
                update={(changes) => actions?.run("field.update", { stepId, fieldId: selected.id, changes })}
                moveTo={(slot) => move(selected.id, slot, Number.MAX_SAFE_INTEGER)}
                notify={setMessage}
              />
            ) : (
              <p className="muted">Select a block on the form to change it.</p>
            )}
          </div>
        </section>
      </div>
    </Dialog>
  );
}

const fieldCount = (n: number) => (n === 1 ? "1 field" : `${n} fields`);

function countFields(blocks: FormBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === "section") n += countFields(b.children);
    else if (b.type === "columns") for (const c of b.columns) n += countFields(c.children);
    else if (b.type !== "staticText" && b.type !== "display") n++;
  }
  return n;
}
