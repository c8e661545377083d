import type { Database } from "@baton/db";
import { loadActor, type Actor } from "@baton/runtime";
import { users } from "@baton/db";
import { eq } from "drizzle-orm";
import type { Env } from "../env.ts";
import { UsageError, type Output } from "./output.ts";

/** One `baton` sub-command: its usage line, summary and what it does. */
export type CommandContext = {
  env: Env;
  db: Database;
  out: Output;
  positionals: string[];
  options: Record<string, string | string[] | boolean | undefined>;
};

export type Command = {
  name: string;
  usage: string;
  summary: string;
  /** Option names (without --) that take a value. */
  valueOptions?: string[];
  /** One-letter forms of value options, e.g. `{ out: "o" }` for `-o`. */
  shortOptions?: Record<string, string>;
  /** Option names (without --) that are on/off switches, e.g. --publish. */
  flagOptions?: string[];
  /** Option names (without --) that take a value and may repeat, e.g. --map a=b --map c=d. */
  listOptions?: string[];
  /** Commands that manage their own database connection (serve). */
  ownsDatabase?: boolean;
  run: (ctx: CommandContext) => Promise<number | void>;
};

export function requirePositional(ctx: CommandContext, index: number, name: string, usage: string): string {
  const value = ctx.positionals[index];
  if (!value) throw new UsageError(`Missing ${name}. Usage: baton ${usage}`);
  return value;
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === "string" ? value : undefined;
}

/** The user a command acts as: `--as`, required unless `fallbackToAdmin`. */
export async function actingUser(ctx: CommandContext, usage: string, fallbackToAdmin = false): Promise<Actor> {
  const username = stringOption(ctx, "as");
  if (username) return loadActor(ctx.db, { username });
  if (!fallbackToAdmin) throw new UsageError(`Say who acts with --as <user>. Usage: baton ${usage}`);
  const [admin] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  if (!admin) throw new UsageError("There is no admin user yet: run `baton seed`, or pass --as <user>.");
  return loadActor(ctx.db, { userId: admin.id });
}

/** `--version N`: a published version number, or undefined when not given. */
export function versionOption(ctx: CommandContext): number | undefined {
  const text = stringOption(ctx, "version");
  if (text === undefined) return undefined;
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw new UsageError(`--version must be a version number such as 1, not "${text}".`);
  return version;
}
