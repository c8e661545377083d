import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { eq } from "drizzle-orm";
import { processBlocks, type Database } from "@baton/db";
import { BLOCK_SCHEMA_VERSION } from "@baton/model";
import type { Actor } from "./actor.ts";
import { saveBlock } from "./process-blocks.ts";
import { subfolders } from "./subfolders.ts";

/**
 * The block library shipped with Baton: `templates/blocks/<key>/block.json`,
 * one block per folder named after its key (see templates/blocks/README.md).
 * The folder sits next to the process templates but holds none.
 */
export const BLOCK_TEMPLATES_FOLDER = "blocks";

type BlockFile = { schemaVersion: unknown; key: string; name: string; description?: string; steps: unknown; connections: unknown };

/** Reads a block folder's `block.json`; its shape is checked when it is saved. */
export function readBlockTemplate(folder: string): BlockFile {
  const file = join(folder, "block.json");
  let block: BlockFile;
  try {
    block = JSON.parse(readFileSync(file, "utf8")) as BlockFile;
  } catch (error) {
    throw new Error(`Block template ${file} could not be read: ${(error as Error).message}`);
  }
  if (block.schemaVersion !== BLOCK_SCHEMA_VERSION) {
    throw new Error(`Block template ${file} has schemaVersion ${String(block.schemaVersion)}; this Baton reads ${BLOCK_SCHEMA_VERSION}.`);
  }
  if (block.key !== basename(folder)) {
    throw new Error(`Block template ${file} has the key "${String(block.key)}": name its folder after the key.`);
  }
  return block;
}

/** The shipped blocks' folders; none when `templatesDir` has no block library. */
export function blockTemplateFolders(templatesDir: string): string[] {
  const dir = join(templatesDir, BLOCK_TEMPLATES_FOLDER);
  return existsSync(dir) ? subfolders(dir) : [];
}

/**
 * Saves, as version 1 by `actor`, each shipped block whose key the library
 * does not hold yet. A key that is there (in any version, perhaps edited
 * since) is left alone, so a re-run adds nothing. Returns the keys added.
 */
export async function seedBlocks(db: Database, actor: Actor, templatesDir: string): Promise<string[]> {
  const created: string[] = [];
  for (const folder of blockTemplateFolders(templatesDir)) {
    const block = readBlockTemplate(folder);
    const [existing] = await db.select({ key: processBlocks.key }).from(processBlocks).where(eq(processBlocks.key, block.key)).limit(1);
    if (existing) continue;
    await saveBlock(db, actor, { ...block, expectedVersion: null });
    created.push(block.key);
  }
  return created;
}
