import type { BlockInput, ProcessDefinition, StepKind } from "@baton/model";
import { addBoundaryEvent, addedIds, connectSteps, deleteSelection, insertStep, nudgeSteps, pasteContent, type ActionResult } from "../editor/actions.ts";
import { copySelection } from "../editor/clipboard.ts";
import type { EditorCommandName, EditorCommands, EditorStack } from "../editor/commands/index.ts";
import type { BoundaryChoice } from "../editor/boundary-factory.ts";
import type { AlignEdge } from "../editor/commands/steps-align.ts";
import type { StepDefaults } from "../editor/step-factory.ts";
import type { ElementSelection } from "../process/selection.ts";
import { blockCorner } from "./block-placement.ts";
import { putOnClipboard, takeFromClipboard } from "./clipboard-store.ts";

type XY = { x: number; y: number };

/** What the actions need from the page; plain functions, so this file has no React in it. */
export type DesignerDeps = {
  stack: EditorStack;
  getSelection: () => ElementSelection;
  select: (selection: ElementSelection) => void;
  /** Tells the analyst something (a refusal's reason, a failure). */
  notify: (message: string, tone: "info" | "error" | "success") => void;
  stepDefaults: () => StepDefaults;
  /** The middle of the visible canvas, in flow coordinates: where keyboard inserts land. */
  viewportCentre: () => XY;
  /** Auto-layout (elkjs); absent when it is not available. */
  layout?: ((definition: ProcessDefinition) => Promise<ProcessDefinition>) | undefined;
};

export type DesignerActions = ReturnType<typeof createDesignerActions>;

/**
 * Everything the designer's buttons, keys and drops can ask for, on top of
 * the command stack: each picks the right command(s), selects what it made,
 * and turns a refusal or a failure into a message instead of an exception.
 */
export function createDesignerActions(deps: DesignerDeps) {
  const { stack } = deps;
  const fail = (error: unknown) => deps.notify(error instanceof Error ? error.message : String(error), "error");
  const apply = (result: ActionResult): boolean => {
    if (!result.ok) {
      deps.notify(result.reason, "info");
      return false;
    }
    deps.select({ steps: result.steps, connections: result.connections });
    return true;
  };
  const attempt = (fn: () => ActionResult | void): boolean => {
    try {
      const result = fn();
      return result ? apply(result) : true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  const actions = {
    /** One command from a properties editor; false (and a message) when refused. */
    run<K extends EditorCommandName>(name: K, params: EditorCommands[K]): boolean {
      return attempt(() => void stack.execute(name, params));
    },
    /** At a drop point exactly; without one, at the middle of the view where there is room. */
    insert(kind: StepKind, dropAt?: XY): boolean {
      return attempt(() => insertStep(stack, kind, dropAt ?? deps.viewportCentre(), deps.stepDefaults(), !dropAt));
    },
    /** At a drop point exactly; without one, in the middle of the view where there is room. */
    insertBlock(block: BlockInput, version: number, topLeft?: XY): boolean {
      return attempt(() => {
        const before = stack.definition;
        const at = topLeft ?? blockCorner(before.steps, block.steps, deps.viewportCentre());
        stack.execute("block.insert", { block, version, at });
        return { ok: true, ...addedIds(before, stack.definition) };
      });
    },
    /** A deadline or an error catch on a step's border; selects it. */
    addBoundary(hostId: string, choice: BoundaryChoice): boolean {
      return attempt(() => addBoundaryEvent(stack, hostId, choice));
    },
    /** One step and its connections (and the events on it), as one undo step; nothing is selected after. */
    removeStep(id: string): boolean {
      const ok = attempt(() => deleteSelection(stack, [id], []));
      if (ok) deps.select({ steps: [], connections: [] });
      return ok;
    },
    connect(source: string, target: string): boolean {
      return attempt(() => connectSteps(stack, source, target));
    },
    moveSteps(moves: { id: string; position: XY }[]): boolean {
      return attempt(() => void stack.execute("step.move", { moves }));
    },
    nudge(dx: number, dy: number): boolean {
      return attempt(() => nudgeSteps(stack, deps.getSelection().steps, dx, dy));
    },
    deleteSelected(): boolean {
      const { steps, connections } = deps.getSelection();
      if (steps.length + connections.length === 0) return false;
      const ok = attempt(() => deleteSelection(stack, steps, connections));
      if (ok) deps.select({ steps: [], connections: [] });
      return ok;
    },
    copy(): boolean {
      const { steps } = deps.getSelection();
      if (steps.length === 0) return false;
      putOnClipboard(copySelection(stack.definition, steps));
      deps.notify(`Copied ${steps.length} step${steps.length === 1 ? "" : "s"}`, "success");
      return true;
    },
    paste(): boolean {
      const taken = takeFromClipboard();
      if (!taken) {
        deps.notify("There is nothing to paste: select steps and copy them first (Ctrl+C).", "info");
        return false;
      }
      return attempt(() => pasteContent(stack, taken.content, taken.offset));
    },
    duplicate(): boolean {
      const { steps } = deps.getSelection();
      if (steps.length === 0) return false;
      return attempt(() => pasteContent(stack, copySelection(stack.definition, steps), { x: 40, y: 40 }));
    },
    align(edge: AlignEdge): boolean {
      return attempt(() => void stack.execute("steps.align", { ids: [...deps.getSelection().steps], edge }));
    },
    async autoLayout(): Promise<boolean> {
      if (!deps.layout) return false;
      try {
        const before = stack.definition;
        const laidOut = await deps.layout(before);
        // Edits made while the layout ran win: lay out only the steps still there.
        const still = new Set(stack.definition.steps.map((s) => s.id));
        const positions = laidOut.steps.filter((s) => still.has(s.id)).map((s) => ({ id: s.id, position: s.position }));
        stack.execute("process.layout", { positions });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    /** In-place label: a step's name, or a connection's label (empty removes it). */
    rename(target: { type: "step" | "connection"; id: string }, text: string): boolean {
      const value = text.trim();
      if (target.type === "step") return actions.run("step.update", { id: target.id, changes: { name: value } });
      return actions.run("connection.update", { id: target.id, changes: { label: value || undefined } });
    },
    undo(): void {
      if (stack.canUndo()) stack.undo();
    },
    redo(): void {
      if (stack.canRedo()) stack.redo();
    },
  };
  return actions;
}
