import type { OutputMapping } from "@baton/model";
import { feelToJson } from "./feel.ts";
import type { Run } from "./run.ts";

export type MappingResult = { ok: true; changes: Record<string, unknown> } | { ok: false; error: string };

/**
 * Merges submitted form data into the process variables. With `outputs`,
 * each `from` (FEEL over the data) is written to its `to` path (dots nest
 * objects); without, every top-level key is copied as is. A `from` may also
 * read `completedBy`, the user name of whoever completed the task (e.g. to
 * remember "the rep who converted the lead" for later assignments). Every value is
 * computed before any is written, so a failing mapping changes nothing.
 * Returns each changed top-level variable with its whole new value.
 */
export function applyOutputs(
  outputs: OutputMapping[] | undefined,
  data: Record<string, unknown>,
  run: Run,
  completedBy?: string,
): MappingResult {
  return mapInto(run.state.variables, outputs, data, run, completedBy);
}

/** As applyOutputs, into `variables` (e.g. the first variables of a called process) instead of the instance's. */
export function mapInto(
  variables: Record<string, unknown>,
  outputs: OutputMapping[] | undefined,
  data: Record<string, unknown>,
  run: Run,
  completedBy?: string,
): MappingResult {
  const writes: { path: string[]; value: unknown }[] = [];
  if (outputs === undefined) {
    for (const [key, value] of Object.entries(data)) writes.push({ path: [key], value: structuredClone(value) });
  } else {
    for (const { from, to } of outputs) {
      const outcome = run.evaluateOver(from, completedBy === undefined ? data : { ...data, completedBy });
      if (!outcome.ok) return { ok: false, error: `output to "${to}": ${outcome.error}` };
      const json = feelToJson(outcome.value);
      if (!json.ok) return { ok: false, error: `output to "${to}": \`${from}\` yields ${json.error}` };
      writes.push({ path: to.split("."), value: json.value });
    }
  }
  const changed = new Set<string>();
  for (const { path, value } of writes) {
    setPath(variables, path, value);
    changed.add(path[0] as string);
  }
  const changes: Record<string, unknown> = {};
  for (const key of changed) define(changes, key, structuredClone(variables[key]));
  return { ok: true, changes };
}

/** Writes `value` at `path`, replacing anything on the way that is not an object. */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    define(target, head, value);
    return;
  }
  const next = Object.hasOwn(target, head) ? target[head] : undefined;
  const child = isPlainObject(next) ? next : {};
  define(target, head, child);
  setPath(child, rest, value);
}

/** Like `target[key] = value`, but a key such as `__proto__` in submitted data stays a plain key. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
