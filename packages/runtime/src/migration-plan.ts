import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { instances, packageVersions, type Database } from "@baton/db";
import { type InstanceState, type MappingChoice, proposeStepMapping, type StepMapping } from "@baton/engine";
import { type Actor, requireRole } from "./actor.ts";
import { invalidInput, notFound } from "./errors.ts";
import { loadPackage, type LoadedPackage } from "./package-cache.ts";

/**
 * The first screen of moving running instances from version A of a process
 * to version B: the proposed step mapping (same id and kind map; every
 * other step of A needs the admin's choice, with the steps of B it could
 * become), and the instances still running on A with where each stands.
 * Reads only. Admins only.
 */
export type MigrationVersions = { processKey: string; fromVersion: number; toVersion: number };

export type MigrationCandidate = {
  id: string;
  number: number;
  title: string;
  status: string;
  startedAt: string;
  /** The steps where it has work now (A's ids and names), for the admin to see what must map. */
  activeSteps: { stepId: string; name: string }[];
};

export type MigrationProposal = {
  processKey: string;
  from: { version: number; name: string };
  to: { version: number; name: string };
  mapping: StepMapping;
  /** Steps of A with no counterpart in B; only those where an instance has work must be chosen. */
  choices: (MappingChoice & { activeInstances: number })[];
  instances: MigrationCandidate[];
};

/** How many running instances the wizard lists at most (a migration may still take them all with `all`). */
export const MIGRATION_LIST_LIMIT = 500;

export async function proposeMigration(db: Database, actor: Actor, input: MigrationVersions): Promise<MigrationProposal> {
  requireRole(actor, ["admin"], "migrate running instances");
  const { from, to } = await loadMigrationVersions(db, input);
  const { mapping, choices } = proposeStepMapping(from.definition, to.definition);
  const candidates = await runningOn(db, from, MIGRATION_LIST_LIMIT);
  const counts = new Map<string, number>();
  for (const c of candidates) for (const s of new Set(c.activeSteps.map((a) => a.stepId))) counts.set(s, (counts.get(s) ?? 0) + 1);
  return {
    processKey: input.processKey,
    from: { version: from.version, name: from.name },
    to: { version: to.version, name: to.name },
    mapping,
    choices: choices.map((c) => ({ ...c, activeInstances: counts.get(c.stepId) ?? 0 })),
    instances: candidates,
  };
}

/** Both versions of one process, refused with a clear reason when they cannot be a migration's ends. */
export async function loadMigrationVersions(db: Database, input: MigrationVersions): Promise<{ from: LoadedPackage; to: LoadedPackage }> {
  for (const [what, n] of [["from", input.fromVersion], ["to", input.toVersion]] as const) {
    if (!Number.isInteger(n) || n < 1) throw invalidInput(`The version to migrate ${what} must be a whole number from 1 up, not ${String(n)}.`);
  }
  if (input.fromVersion === input.toVersion) throw invalidInput(`Instances already run on version ${input.fromVersion}; choose another version to migrate them to.`);
  const rows = await db
    .select({ id: packageVersions.id, version: packageVersions.version })
    .from(packageVersions)
    .where(and(eq(packageVersions.processKey, input.processKey), inArray(packageVersions.version, [input.fromVersion, input.toVersion])));
  const idOf = (version: number) => {
    const row = rows.find((r) => r.version === version);
    if (!row) throw notFound(`Version ${version} of process "${input.processKey}"`);
    return row.id;
  };
  return { from: await loadPackage(db, idOf(input.fromVersion)), to: await loadPackage(db, idOf(input.toVersion)) };
}

/** Instances of `version` not yet completed, oldest first, with their active steps. */
async function runningOn(db: Database, version: LoadedPackage, limit: number): Promise<MigrationCandidate[]> {
  const rows = await db
    .select({ id: instances.id, number: instances.number, title: instances.title, status: instances.status, state: instances.state, startedAt: instances.startedAt })
    .from(instances)
    .where(and(eq(instances.packageVersionId, version.id), ne(instances.status, "completed"), ne(instances.status, "cancelled")))
    .orderBy(asc(instances.number))
    .limit(limit);
  const names = new Map(version.definition.steps.map((s) => [s.id, s.name || s.id]));
  return rows.map((r) => {
    const state = r.state as InstanceState;
    const stepIds = [...new Set(state.tokens.map((t) => t.stepId))];
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      startedAt: new Date(r.startedAt).toISOString(),
      activeSteps: stepIds.map((stepId) => ({ stepId, name: names.get(stepId) ?? stepId })),
    };
  });
}

