import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { eq } from "drizzle-orm";
import { formBlocks, type Database } from "@baton/db";
import { FORM_BLOCK_FORMAT_VERSION } from "@baton/model";
import type { Actor } from "./actor.ts";
import { saveFormBlock } from "./form-blocks.ts";
import { subfolders } from "./subfolders.ts";

/** The form block library shipped with Baton: `templates/form-blocks/<key>/block.json`. */
export const FORM_BLOCK_TEMPLATES_FOLDER = "form-blocks";

type FormBlockFile = { formatVersion: unknown; key: string; name: string; description?: string; blocks: unknown };

/** Reads a form block folder's `block.json`; its shape is checked when it is saved. */
export function readFormBlockTemplate(folder: string): FormBlockFile {
  const file = join(folder, "block.json");
  let block: FormBlockFile;
  try {
    block = JSON.parse(readFileSync(file, "utf8")) as FormBlockFile;
  } catch (error) {
    throw new Error(`Form block template ${file} could not be read: ${(error as Error).message}`);
  }
  if (block.formatVersion !== FORM_BLOCK_FORMAT_VERSION) {
    throw new Error(`Form block template ${file} has formatVersion ${String(block.formatVersion)}; this Baton reads ${FORM_BLOCK_FORMAT_VERSION}.`);
  }
  if (block.key !== basename(folder)) throw new Error(`Form block template ${file} has the key "${String(block.key)}": name its folder after the key.`);
  return block;
}

export function formBlockTemplateFolders(templatesDir: string): string[] {
  const dir = join(templatesDir, FORM_BLOCK_TEMPLATES_FOLDER);
  return existsSync(dir) ? subfolders(dir) : [];
}

/** Saves, as version 1, each shipped form block whose key the library lacks; an existing key (perhaps edited) is left alone. */
export async function seedFormBlocks(db: Database, actor: Actor, templatesDir: string): Promise<string[]> {
  const created: string[] = [];
  for (const folder of formBlockTemplateFolders(templatesDir)) {
    const block = readFormBlockTemplate(folder);
    const [existing] = await db.select({ key: formBlocks.key }).from(formBlocks).where(eq(formBlocks.key, block.key)).limit(1);
    if (existing) continue;
    await saveFormBlock(db, actor, { ...block, expectedVersion: null });
    created.push(block.key);
  }
  return created;
}
