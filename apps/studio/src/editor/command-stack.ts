import type { ProcessDefinition } from "@baton/model";
import type { CommandHandler } from "./command-handler.ts";
import { EditorError } from "./editor-error.ts";

/**
 * The command stack: the only way a draft changes, and where undo/redo live.
 *
 * Lifecycle of `execute(name, params)`:
 * 1. If no operation is open, one opens: everything that happens until the
 *    outermost call returns is ONE undo step.
 * 2. `preExecute` hooks of `name` run (behaviors; they may execute further
 *    commands, which join the same operation), then the handler's `execute`,
 *    then the `postExecute` hooks.
 * 3. When the outermost call returns, the operation is pushed on the undo
 *    stack (unless it changed nothing), the redo stack is cleared and change
 *    listeners are told. If anything throws, every action of the operation
 *    is reverted in reverse order and the error is rethrown: the definition
 *    is never left half-edited.
 *
 * `undo` reverts the actions of the top operation in reverse order; `redo`
 * re-executes them in order (hooks do NOT run again: their commands were
 * recorded as actions of the operation). `group(label, fn)` makes several
 * top-level executes one undo step (e.g. delete steps and connections).
 *
 * "Dirty since save": every operation has a unique id; `revision` is the id
 * of the operation on top of the undo stack (0 when there is none). The
 * autosave remembers the revision it saved (`markSaved`), so undoing back to
 * the saved state is clean again.
 */
export type CommandMap = Record<string, object>;

type Action = { name: string; params: unknown; undo: unknown };
type Operation = { id: number; label: string; actions: Action[] };
export type ChangeKind = "execute" | "undo" | "redo" | "reset" | "saved";
export type StackListener = (kind: ChangeKind) => void;
/** A behavior: sees the params and may execute more commands in the same operation. */
export type Hook<M extends CommandMap, P> = (params: P, stack: CommandStack<M>) => void;

export class CommandStack<M extends CommandMap> {
  private current: ProcessDefinition;
  private handlers = new Map<string, CommandHandler<never, never>>();
  private hooks = { pre: new Map<string, Hook<M, never>[]>(), post: new Map<string, Hook<M, never>[]>() };
  private undoStack: Operation[] = [];
  private redoStack: Operation[] = [];
  private open: { operation: Operation; before: ProcessDefinition } | null = null;
  private listeners = new Set<StackListener>();
  private nextId = 1;
  private savedRevision = 0;

  constructor(definition: ProcessDefinition) {
    this.current = definition;
  }

  get definition(): ProcessDefinition {
    return this.current;
  }

  register<K extends keyof M & string, U>(name: K, handler: CommandHandler<M[K], U>): void {
    if (this.handlers.has(name)) throw new Error(`The command "${name}" is registered twice.`);
    this.handlers.set(name, handler as unknown as CommandHandler<never, never>);
  }

  /** Runs `hook` before (`pre`) or after (`post`) every execution of `name`. */
  on<K extends keyof M & string>(phase: "pre" | "post", name: K, hook: Hook<M, M[K]>): void {
    const list = this.hooks[phase].get(name) ?? [];
    list.push(hook as Hook<M, never>);
    this.hooks[phase].set(name, list);
  }

  execute<K extends keyof M & string>(name: K, params: M[K]): ProcessDefinition {
    return this.inOperation(name, () => this.run(name, params));
  }

  /** Several commands as one undo step, labelled for the Undo button. */
  group(label: string, fn: () => void): ProcessDefinition {
    return this.inOperation(label, fn);
  }

  undo(): void {
    if (this.open) throw new Error("Cannot undo while a command is running.");
    const operation = this.undoStack.pop();
    if (!operation) return;
    let definition = this.current;
    for (const action of [...operation.actions].reverse()) {
      definition = this.handler(action.name).revert(definition, action.params as never, action.undo as never);
    }
    this.current = definition;
    this.redoStack.push(operation);
    this.emit("undo");
  }

  redo(): void {
    if (this.open) throw new Error("Cannot redo while a command is running.");
    const operation = this.redoStack.pop();
    if (!operation) return;
    let definition = this.current;
    for (const action of operation.actions) {
      const result = this.handler(action.name).execute(definition, action.params as never);
      definition = result.definition;
      action.undo = result.undo;
    }
    this.current = definition;
    this.undoStack.push(operation);
    this.emit("redo");
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  /** The name or group label of what Undo / Redo would take back or re-apply. */
  undoLabel(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.label ?? null;
  }
  redoLabel(): string | null {
    return this.redoStack[this.redoStack.length - 1]?.label ?? null;
  }

  /** Identifies the current state: the id of the top undo operation, 0 for none. */
  get revision(): number {
    return this.undoStack[this.undoStack.length - 1]?.id ?? 0;
  }
  /** The state with this revision is what the server has (default: the current one). */
  markSaved(revision: number = this.revision): void {
    this.savedRevision = revision;
    this.emit("saved");
  }
  isDirty(): boolean {
    return this.revision !== this.savedRevision;
  }

  /** Starts over from `definition` (e.g. after reloading the server's draft): no undo, clean. */
  reset(definition: ProcessDefinition): void {
    if (this.open) throw new Error("Cannot reset while a command is running.");
    this.current = definition;
    this.undoStack = [];
    this.redoStack = [];
    this.savedRevision = 0;
    this.emit("reset");
  }

  /** Bound, so it can be handed around as is (e.g. to React's useSyncExternalStore). */
  subscribe = (listener: StackListener): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private inOperation(label: string, fn: () => void): ProcessDefinition {
    if (this.open) {
      fn();
      return this.current;
    }
    const operation: Operation = { id: 0, label, actions: [] };
    const before = this.current;
    this.open = { operation, before };
    try {
      fn();
    } catch (error) {
      // Definitions are immutable, so going back to the one we started from
      // takes back every action of the failed operation at once.
      this.current = before;
      throw error;
    } finally {
      this.open = null;
    }
    if (this.current === before || operation.actions.length === 0) return this.current;
    operation.id = this.nextId++;
    this.undoStack.push(operation);
    this.redoStack = [];
    this.emit("execute");
    return this.current;
  }

  private run(name: string, params: unknown): ProcessDefinition {
    const handler = this.handler(name);
    // Callers keep their params object; the recorded one must not change under us.
    const frozen = structuredClone(params);
    for (const hook of this.hooks.pre.get(name) ?? []) hook(frozen as never, this);
    const result = handler.execute(this.current, frozen as never);
    if (result.definition !== this.current) {
      this.open!.operation.actions.push({ name, params: frozen, undo: result.undo });
      this.current = result.definition;
    }
    for (const hook of this.hooks.post.get(name) ?? []) hook(frozen as never, this);
    return this.current;
  }

  private handler(name: string): CommandHandler<never, never> {
    const handler = this.handlers.get(name);
    if (!handler) throw new EditorError(name, "no such command is registered.");
    return handler;
  }

  private emit(kind: ChangeKind): void {
    for (const listener of this.listeners) listener(kind);
  }
}
