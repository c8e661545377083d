import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import { instances, jobs, messageSubscriptions, taskDrafts, tasks, type Database } from "@baton/db";
import { type InstanceState, migrateState, type MovedToken, resolveStepMapping, type StateMigration, type StepMapping } from "@baton/engine";
import { type Actor, requireRole } from "./actor.ts";
import { applyCommands } from "./apply-commands.ts";
import { invalidInput } from "./errors.ts";
import { isId } from "./ids.ts";
import { lockInstance } from "./lock-instance.ts";
import { loadMigrationVersions, type MigrationVersions } from "./migration-plan.ts";
import type { LoadedPackage } from "./package-cache.ts";

/**
 * Moving running instances from version A of a process to version B.
 *
 * `checkMigration` is the dry run: each chosen instance is checked
 * (migrate-state.ts in the engine: every active step maps to a step of B
 * of the same kind, in the same scope; variables B's next forms read and
 * the instance lacks are warnings; open drafts are counted, as they are
 * kept) and nothing is written.
 *
 * `migrateInstances` does it, one instance per transaction: lock the
 * instance row, check again on what is there now (it may have moved on,
 * or to another version, since the dry run), point the instance at B,
 * rewrite its state (token ids stay, so open tasks and their drafts stay
 * theirs), give its open tasks B's step id and name (their form is then
 * B's, read by step id from B), re-point pending timer and service-call
 * jobs and message subscriptions whose step changed, cancel and arm
 * timers as the engine says, and append
 * `instance.migrated { from, to, mapping, moved }`. An instance that
 * cannot move, or whose transaction fails, is listed with the reasons
 * and left exactly as it was; the others go on.
 */
export type MigrationRequest = MigrationVersions & {
  /** The instances to move (of version A); or `all` running ones. */
  instanceIds?: string[];
  all?: boolean;
  /** The admin's choices for steps of A with no same-id step in B (`null`: none). */
  mapping?: StepMapping;
};

export type InstanceMigrationResult = {
  instanceId: string;
  number: number | null;
  title: string;
  /** checked / migrated: it can move (dry run) or moved; refused: it cannot; failed: its transaction failed. */
  outcome: "checked" | "migrated" | "refused" | "failed";
  reasons: string[];
  warnings: string[];
  /** Steps its work moves between (only those whose id changes). */
  moves: { from: string; to: string }[];
  draftsKept: number;
};

export type MigrationReport = {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  dryRun: boolean;
  /** The whole mapping applied (A's step id → B's, or null). */
  mapping: StepMapping;
  results: InstanceMigrationResult[];
};

export type MigrateOptions = {
  now?: Date;
  /** After each instance, with how many are done of how many. */
  onProgress?: (done: number, total: number, result: InstanceMigrationResult) => void;
  /** Test seam: called inside an instance's transaction once everything is written, before it commits. */
  checkpoint?: (instanceId: string) => void | Promise<void>;
};

/** The largest number of instances one call names; `all` has no limit. */
export const MAX_INSTANCES_PER_CALL = 1000;

export async function checkMigration(db: Database, actor: Actor, request: MigrationRequest, options: { now?: Date } = {}): Promise<MigrationReport> {
  requireRole(actor, ["admin"], "migrate running instances");
  const plan = await prepare(db, request);
  const now = (options.now ?? new Date()).toISOString();
  const results: InstanceMigrationResult[] = [];
  for (const id of plan.ids) {
    const row = await loadInstance(db, id, false);
    const checked = await checkOne(db, row, id, plan, now);
    results.push(checked.result);
  }
  return report(request, plan.mapping, true, results);
}

export async function migrateInstances(db: Database, actor: Actor, request: MigrationRequest, options: MigrateOptions = {}): Promise<MigrationReport> {
  requireRole(actor, ["admin"], "migrate running instances");
  const plan = await prepare(db, request);
  const results: InstanceMigrationResult[] = [];
  for (const id of plan.ids) {
    const now = (options.now ?? new Date()).toISOString();
    let result: InstanceMigrationResult;
    try {
      result = await db.transaction(async (tx) => {
        const row = await loadInstance(tx, id, true);
        const checked = await checkOne(tx, row, id, plan, now);
        if (!checked.migration?.ok || !row) return checked.result;
        await apply(tx, actor, row, plan, checked.migration, now);
        await options.checkpoint?.(id);
        return { ...checked.result, outcome: "migrated" as const };
      });
    } catch (error) {
      // The transaction rolled back: the instance is as it was.
      result = { instanceId: id, number: null, title: "", outcome: "failed", reasons: [`It could not be migrated and was left as it was: ${error instanceof Error ? error.message : String(error)}`], warnings: [], moves: [], draftsKept: 0 };
    }
    results.push(result);
    options.onProgress?.(results.length, plan.ids.length, result);
  }
  return report(request, plan.mapping, false, results);
}

type Plan = { from: LoadedPackage; to: LoadedPackage; mapping: StepMapping; ids: string[] };
type InstanceRow = typeof instances.$inferSelect;

async function prepare(db: Database, request: MigrationRequest): Promise<Plan> {
  const { from, to } = await loadMigrationVersions(db, request);
  if (from.processKey !== to.processKey) throw invalidInput("Both versions must belong to the same process.");
  const resolved = resolveStepMapping(from.definition, to.definition, request.mapping ?? {});
  if (!resolved.ok) throw invalidInput(`The step mapping cannot be used: ${resolved.problems.join(" ")}`);
  const named = request.instanceIds ?? [];
  if (request.all && named.length) throw invalidInput("Name the instances to migrate, or choose all of them, not both.");
  if (!request.all && named.length === 0) throw invalidInput("Choose at least one instance to migrate (or all of them).");
  if (named.length > MAX_INSTANCES_PER_CALL) throw invalidInput(`At most ${MAX_INSTANCES_PER_CALL} instances can be named at once; choose all of them instead.`);
  const bad = named.filter((id) => !isId(id));
  if (bad.length) throw invalidInput(`These are not instance ids: ${bad.map((b) => `"${b}"`).join(", ")}.`);
  const ids = request.all
    ? (
        await db
          .select({ id: instances.id })
          .from(instances)
          .where(and(eq(instances.packageVersionId, from.id), ne(instances.status, "completed"), ne(instances.status, "cancelled")))
          .orderBy(asc(instances.number))
      ).map((r) => r.id)
    : [...new Set(named)];
  return { from, to, mapping: resolved.mapping, ids };
}

/** With `lock`, the row is locked as for an engine step: with its callers, callers first (lock-instance.ts). */
async function loadInstance(db: Database, id: string, lock: boolean): Promise<InstanceRow | undefined> {
  if (lock) return lockInstance(db, id);
  const [row] = await db.select().from(instances).where(eq(instances.id, id));
  return row;
}

/** One instance checked against the plan, as it is now. */
async function checkOne(db: Database, row: InstanceRow | undefined, id: string, plan: Plan, now: string): Promise<{ result: InstanceMigrationResult; migration?: StateMigration }> {
  const base = { instanceId: id, number: row?.number ?? null, title: row?.title ?? "", warnings: [] as string[], moves: [] as { from: string; to: string }[], draftsKept: 0 };
  const refuse = (reason: string) => ({ result: { ...base, outcome: "refused" as const, reasons: [reason] } });
  if (!row) return refuse("There is no such instance.");
  if (row.processKey !== plan.from.processKey) return refuse(`It is an instance of "${row.processKey}", not of "${plan.from.processKey}".`);
  if (row.packageVersionId !== plan.from.id) return refuse(`It does not run on version ${plan.from.version}${row.packageVersionId === plan.to.id ? ` (it already runs on version ${plan.to.version})` : ""}.`);
  if (row.status === "cancelled") return refuse("It was cancelled; only running instances move.");
  const migration = migrateState(plan.from.definition, plan.to.definition, row.state as InstanceState, plan.mapping, { now, newId: randomUUID });
  const [drafts] = await db
    .select({ n: count() })
    .from(taskDrafts)
    .innerJoin(tasks, eq(tasks.id, taskDrafts.taskId))
    .where(and(eq(tasks.instanceId, id), eq(tasks.status, "open")));
  const result: InstanceMigrationResult = {
    ...base,
    outcome: migration.ok ? "checked" : "refused",
    reasons: migration.ok ? [] : migration.reasons,
    warnings: migration.warnings,
    moves: migration.ok ? distinctMoves(migration.moved) : [],
    draftsKept: drafts?.n ?? 0,
  };
  return { result, migration };
}

function distinctMoves(moved: MovedToken[]): { from: string; to: string }[] {
  const seen = new Map<string, { from: string; to: string }>();
  for (const m of moved) seen.set(`${m.from}>${m.to}`, { from: m.from, to: m.to });
  return [...seen.values()];
}

/** Writes one checked migration, inside the instance's own transaction (its row is locked). */
async function apply(tx: Database, actor: Actor, row: InstanceRow, plan: Plan, migration: Extract<StateMigration, { ok: true }>, now: string): Promise<void> {
  const stepOf = new Map(migration.state.tokens.map((t) => [t.id, t.stepId]));
  const nameOf = new Map(plan.to.definition.steps.map((s) => [s.id, s.name || s.id]));
  const open = await tx.select().from(tasks).where(and(eq(tasks.instanceId, row.id), eq(tasks.status, "open")));
  for (const task of open) {
    const stepId = stepOf.get(task.tokenId) ?? plan.mapping[task.stepId];
    if (!stepId) throw new Error(`its open task "${task.name}" is at a step with no counterpart in version ${plan.to.version}`);
    const name = nameOf.get(stepId) ?? stepId;
    if (stepId !== task.stepId || name !== task.name) await tx.update(tasks).set({ stepId, name }).where(eq(tasks.id, task.id));
  }
  // Pending jobs read their step from the payload: timers by timer id, service calls by token id.
  const timers = new Map((migration.state.timers ?? []).map((t) => [t.id, t]));
  const pending = await tx.select().from(jobs).where(and(eq(jobs.instanceId, row.id), eq(jobs.status, "pending")));
  for (const job of pending) {
    const payload = job.payload as Record<string, unknown>;
    const timer = job.type === "timer" && job.ref ? timers.get(job.ref) : undefined;
    const stepId = timer ? timer.stepId : job.ref ? stepOf.get(job.ref) : undefined;
    if (stepId === undefined || payload.stepId === stepId) continue;
    await tx.update(jobs).set({ payload: { ...payload, stepId, ...(timer ? { purpose: timer.purpose } : {}) } }).where(eq(jobs.id, job.id));
  }
  // Message subscriptions follow their token to its step in the new version.
  for (const sub of migration.state.messages ?? []) {
    await tx
      .update(messageSubscriptions)
      .set({ stepId: sub.stepId })
      .where(and(eq(messageSubscriptions.instanceId, row.id), eq(messageSubscriptions.tokenId, sub.tokenId), eq(messageSubscriptions.messageName, sub.name), eq(messageSubscriptions.correlationKey, sub.key)));
  }
  const changed = Object.fromEntries(Object.entries(plan.mapping).filter(([a, b]) => a !== b && migration.moved.some((m) => m.from === a)));
  const applied = await applyCommands(
    tx,
    {
      instanceId: row.id,
      actorId: actor.userId,
      now,
      newId: randomUUID,
      audits: [{ type: "instance.migrated", data: { from: plan.from.version, to: plan.to.version, mapping: changed, moved: migration.moved, warnings: migration.warnings } }],
    },
    migration.state,
    migration.commands,
  );
  await tx
    .update(instances)
    .set({
      packageVersionId: plan.to.id,
      state: applied.state,
      variables: applied.state.variables,
      status: applied.state.status,
      // A join the new version lets go on may lead straight to the end.
      ...(applied.state.status === "completed" ? { endedAt: now } : {}),
      revision: row.revision + 1,
    })
    .where(eq(instances.id, row.id));
}

function report(request: MigrationRequest, mapping: StepMapping, dryRun: boolean, results: InstanceMigrationResult[]): MigrationReport {
  return { processKey: request.processKey, fromVersion: request.fromVersion, toVersion: request.toVersion, dryRun, mapping, results };
}
