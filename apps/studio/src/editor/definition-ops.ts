import type { Connection, ProcessDefinition, Step } from "@baton/model";
import { EditorError } from "./editor-error.ts";

/**
 * Small immutable helpers the command handlers share. Each returns a new
 * definition and leaves every untouched step and connection the same object,
 * so the canvas can tell cheaply what changed.
 */

export function stepIndex(definition: ProcessDefinition, command: string, id: string): number {
  const index = definition.steps.findIndex((s) => s.id === id);
  if (index === -1) throw new EditorError(command, `there is no step "${id}".`);
  return index;
}

export function connectionIndex(definition: ProcessDefinition, command: string, id: string): number {
  const index = definition.connections.findIndex((c) => c.id === id);
  if (index === -1) throw new EditorError(command, `there is no connection "${id}".`);
  return index;
}

export function withStep(definition: ProcessDefinition, index: number, step: Step): ProcessDefinition {
  const steps = [...definition.steps];
  steps[index] = step;
  return { ...definition, steps };
}

export function withConnection(definition: ProcessDefinition, index: number, connection: Connection): ProcessDefinition {
  const connections = [...definition.connections];
  connections[index] = connection;
  return { ...definition, connections };
}

/** Removes the items whose ids are listed; returns them with where they were, in order. */
export function removeById<T extends { id: string }>(items: readonly T[], ids: ReadonlySet<string>) {
  const kept: T[] = [];
  const removed: { index: number; item: T }[] = [];
  items.forEach((item, index) => (ids.has(item.id) ? removed.push({ index, item }) : kept.push(item)));
  return { kept, removed };
}

/** Puts removed items back where they were (indices ascending, as `removeById` gives them). */
export function restoreAt<T>(items: readonly T[], removed: readonly { index: number; item: T }[]): T[] {
  const out = [...items];
  for (const { index, item } of removed) out.splice(index, 0, item);
  return out;
}

/** Structural equality of JSON values (what a definition is made of). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Old values of the keys a patch touches: present or not, and what they held. */
export type OldValues = Record<string, { present: boolean; value?: unknown }>;

/**
 * Applies a patch to a plain object: `undefined` removes the key. Returns
 * the new object (or the same one if nothing changes) and the old values.
 */
export function patchObject<T extends object>(target: T, changes: Record<string, unknown>): { next: T; old: OldValues } {
  const next: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  const old: OldValues = {};
  let changed = false;
  for (const [key, value] of Object.entries(changes)) {
    const present = Object.prototype.hasOwnProperty.call(target, key);
    const current = (target as Record<string, unknown>)[key];
    if (value === undefined ? !present : present && sameJson(current, value)) continue;
    old[key] = present ? { present, value: current } : { present };
    if (value === undefined) delete next[key];
    else next[key] = value;
    changed = true;
  }
  return { next: changed ? (next as T) : target, old };
}

/** Takes a patch back: restores old values and removes keys that were absent. */
export function unpatchObject<T extends object>(target: T, old: OldValues): T {
  const next: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, was] of Object.entries(old)) {
    if (was.present) next[key] = was.value;
    else delete next[key];
  }
  return next as T;
}
