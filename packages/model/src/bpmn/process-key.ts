/**
 * A BPMN id as a Baton process key: lower-case letters, digits and `-`,
 * starting with a letter, 2 to 63 characters (see `processKeySchema`).
 * `Process_1` → `process-1`, `_8170787a-…` → `p-8170787a-…`.
 */
export function toProcessKey(id: string): string {
  let key = id
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/^[a-z]/.test(key)) key = key ? `p-${key}` : "imported-process";
  if (key.length < 2) key = `${key}-process`;
  return key.slice(0, 63).replace(/-+$/, "");
}

export const STEP_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Step ids for imported elements: the file's id when Baton accepts it, else a close, unique one. */
export class StepIds {
  private readonly used = new Set<string>();

  /** An id recorded by Baton's own export: kept as it was, even a duplicate (validation reports those). */
  keep(id: string): string {
    this.used.add(id);
    return id;
  }

  allocate(wanted: string): string {
    if (STEP_ID.test(wanted) && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    const base = wanted.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/^[^A-Za-z_]+/, "") || "step";
    let candidate = base;
    for (let n = 2; this.used.has(candidate) || !STEP_ID.test(candidate); n++) candidate = `${base}_${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
