import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { processDrafts, users, type Database } from "@baton/db";
import { loadActor, type Role } from "./actor.ts";
import { ensureGroup, ensureUser } from "./directory.ts";
import { saveDraft } from "./drafts.ts";
import { publishDefinition, type PublishResult } from "./publish.ts";
import { setPublisher } from "./publish-permissions.ts";
import { BLOCK_TEMPLATES_FOLDER, seedBlocks } from "./seed-blocks.ts";
import { FORM_BLOCK_TEMPLATES_FOLDER, seedFormBlocks } from "./seed-form-blocks.ts";
import { subfolders } from "./subfolders.ts";

/**
 * Demo data for a first start: groups, users with known passwords (printed
 * at start and listed in the README), every template published and the
 * shipped process blocks in the library. Safe to run again: it only adds
 * what is missing and never touches edited drafts or blocks.
 */
export const DEMO_GROUPS = [
  { key: "service-desk", name: "Service desk" },
  { key: "credit-committee", name: "Credit committee" },
  { key: "sales", name: "Sales" },
  { key: "shipping", name: "Shipping" },
  { key: "analysts", name: "Analysts" },
  { key: "admins", name: "Admins" },
  { key: "managers", name: "Managers" },
  // Empty: an admin adds the user an outside system sends messages as (see correlate-message.ts).
  { key: "message-senders", name: "Message senders" },
] as const;

/** `email` lets a demo with SMTP configured (e.g. a local sink) show the notification e-mails. */
export type DemoUser = { username: string; displayName: string; email: string; role: Role; password: string; groups: string[] };

export const DEMO_USERS: DemoUser[] = [
  { username: "admin", displayName: "Ada Admin", email: "admin@example.com", role: "admin", password: "admin-demo", groups: ["admins", "managers", "credit-committee"] },
  { username: "ana", displayName: "Ana Analyst", email: "ana@example.com", role: "analyst", password: "ana-demo", groups: ["analysts"] },
  { username: "dana", displayName: "Dana Desk", email: "dana@example.com", role: "participant", password: "dana-demo", groups: ["service-desk", "credit-committee"] },
  { username: "sam", displayName: "Sam Sales", email: "sam@example.com", role: "participant", password: "sam-demo", groups: ["sales"] },
  { username: "sara", displayName: "Sara Sales", email: "sara@example.com", role: "participant", password: "sara-demo", groups: ["sales", "credit-committee"] },
  { username: "shay", displayName: "Shay Shipping", email: "shay@example.com", role: "participant", password: "shay-demo", groups: ["shipping"] },
];

export type SeedReport = { usersCreated: string[]; published: PublishResult[]; draftsCreated: string[]; blocksCreated: string[]; formBlocksCreated: string[] };

/** Reads a template folder's `process.json`. */
export function readTemplate(folder: string): unknown {
  const file = join(folder, "process.json");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Template ${file} could not be read: ${(error as Error).message}`);
  }
}

/** The process templates: every folder of `templatesDir` but the block library. */
export function templateFolders(templatesDir: string): string[] {
  return subfolders(templatesDir).filter((path) => basename(path) !== BLOCK_TEMPLATES_FOLDER && basename(path) !== FORM_BLOCK_TEMPLATES_FOLDER);
}

export async function seedDemo(database: Database, templatesDir: string): Promise<SeedReport> {
  // One transaction under a lock: servers starting together seed once.
  return database.transaction(async (db) => {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('baton.seed'))`);
    return seedWith(db, templatesDir);
  });
}

async function seedWith(db: Database, templatesDir: string): Promise<SeedReport> {
  for (const group of DEMO_GROUPS) await ensureGroup(db, group.key, group.name);
  const usersCreated: string[] = [];
  for (const user of DEMO_USERS) if (await ensureUser(db, user)) usersCreated.push(user.username);
  const admin = await loadActor(db, { username: "admin" });
  const published: PublishResult[] = [];
  const draftsCreated: string[] = [];
  for (const folder of templateFolders(templatesDir)) {
    const definition = readTemplate(folder) as { key: string };
    const [draft] = await db.select({ key: processDrafts.key }).from(processDrafts).where(eq(processDrafts.key, definition.key));
    if (!draft) {
      await saveDraft(db, admin, { key: definition.key, expectedVersion: null, definition });
      draftsCreated.push(definition.key);
    }
    published.push(await publishDefinition(db, admin, definition));
  }
  // The demo analyst may publish the templates the seed brought in.
  for (const key of draftsCreated) {
    for (const analyst of DEMO_USERS.filter((u) => u.role === "analyst")) await setPublisher(db, admin, { processKey: key, username: analyst.username, allowed: true });
  }
  const blocksCreated = await seedBlocks(db, admin, templatesDir);
  const formBlocksCreated = await seedFormBlocks(db, admin, templatesDir);
  return { usersCreated, published, draftsCreated, blocksCreated, formBlocksCreated };
}

export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length === 0;
}
