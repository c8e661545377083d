import { eq } from "drizzle-orm";
import { packageVersions, type Database } from "@baton/db";
import type { CompiledForm, ProcessDefinition } from "@baton/model";

/**
 * Published package versions never change (a database trigger refuses any
 * UPDATE), so once read they can be kept in memory by id: every task
 * completion needs its instance's package, and re-reading and re-parsing
 * the whole definition each time is wasted work. Bounded; evicts the
 * least recently used.
 */
export type LoadedPackage = {
  id: string;
  processKey: string;
  version: number;
  name: string;
  definition: ProcessDefinition;
  forms: Record<string, CompiledForm>;
};

const MAX_ENTRIES = 200;
const cache = new Map<string, LoadedPackage>();

export async function loadPackage(db: Database, id: string): Promise<LoadedPackage> {
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id); // re-insert: most recently used last
    cache.set(id, hit);
    return hit;
  }
  const [row] = await db.select().from(packageVersions).where(eq(packageVersions.id, id));
  if (!row) throw new Error(`Package version ${id} does not exist`);
  const loaded: LoadedPackage = {
    id: row.id,
    processKey: row.processKey,
    version: row.version,
    name: row.name,
    definition: row.definition as ProcessDefinition,
    forms: row.forms as Record<string, CompiledForm>,
  };
  cache.set(id, loaded);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return loaded;
}
