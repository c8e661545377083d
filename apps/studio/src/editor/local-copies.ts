import { processDefinitionSchema, type ProcessDefinition } from "@baton/model";

/**
 * Work the server has not stored yet, kept in this browser's localStorage
 * under `baton.studio.draft:<process key>:<version it was based on>`, so a
 * refused or failed save, a closed tab or a crash loses nothing. Only the
 * newest copy of a process is kept; a successful save drops it.
 */
export type LocalCopy = {
  key: string;
  /** The draft version the edits started from; null for a draft never saved. */
  baseVersion: number | null;
  definition: ProcessDefinition;
  keptAt: string;
};

const PREFIX = "baton.studio.draft:";

export function localCopyKey(key: string, baseVersion: number | null): string {
  return `${PREFIX}${key}:${baseVersion ?? "new"}`;
}

function keysOf(storage: Storage, key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(`${PREFIX}${key}:`)) out.push(name);
  }
  return out;
}

export function keepLocalCopy(storage: Storage, copy: LocalCopy): void {
  for (const name of keysOf(storage, copy.key)) storage.removeItem(name);
  try {
    storage.setItem(localCopyKey(copy.key, copy.baseVersion), JSON.stringify(copy));
  } catch {
    // Storage full or disabled (private mode): the status still says "Not saved".
  }
}

/** The kept copy of a process, if there is a readable one. */
export function findLocalCopy(storage: Storage, key: string): LocalCopy | null {
  for (const name of keysOf(storage, key)) {
    try {
      const raw = JSON.parse(storage.getItem(name) ?? "null") as Partial<LocalCopy> | null;
      const parsed = processDefinitionSchema.safeParse(raw?.definition);
      if (raw && parsed.success && typeof raw.keptAt === "string") {
        return { key, baseVersion: raw.baseVersion ?? null, definition: raw.definition!, keptAt: raw.keptAt };
      }
    } catch {
      // Unreadable: treated as absent, and dropped below.
    }
    storage.removeItem(name);
  }
  return null;
}

export function dropLocalCopies(storage: Storage, key: string): void {
  for (const name of keysOf(storage, key)) storage.removeItem(name);
}
