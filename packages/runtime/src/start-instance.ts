import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { instances, packageVersions, startDrafts, tasks, type Database } from "@baton/db";
import { step } from "@baton/engine";
import { formFields, type CompiledForm, type ProcessDefinition, type StartStep } from "@baton/model";
import type { Actor } from "./actor.ts";
import { applyCommands } from "./apply-commands.ts";
import { engineEnv } from "./engine-env.ts";
import type { MailSettings } from "./mail-settings.ts";
import { linkAttachments } from "./attachments.ts";
import { conflict, forbidden, notFound } from "./errors.ts";
import { loadLifecycle, startRefusal } from "./version-lifecycle.ts";
import { checkDirectoryValues } from "./directory-values.ts";
import { checkFormData } from "./form-data.ts";
import { loadPackage, type LoadedPackage } from "./package-cache.ts";
import { loadTaskSummaries, type TaskSummary } from "./task-views.ts";

/**
 * Starting an instance: the latest published version of the process, the
 * start form's data checked on the server, then one transaction: the
 * instance row, the engine's first step and its commands, and the removal
 * of the starter's draft of this start form (so a failed start keeps it).
 */
/** The points of the start transaction, in order (see above). */
export const START_POINTS = ["instance-stored", "commands-applied", "draft-deleted"] as const;
export type StartPoint = (typeof START_POINTS)[number];

export type StartOptions = {
  now?: Date;
  /** Test seam: called inside the transaction at each point; a throw rolls all back. */
  checkpoint?: (point: StartPoint) => void | Promise<void>;
  /** Outgoing e-mail, for the notifications this start sends. */
  mail?: MailSettings | null;
};

export function startStepOf(definition: ProcessDefinition): StartStep {
  const start = definition.steps.find((s): s is StartStep => s.kind === "start");
  if (!start) throw new Error(`Process "${definition.key}" has no start step`);
  return start;
}

export function mayStart(actor: Actor, start: StartStep): boolean {
  return actor.role === "admin" || start.starters.length === 0 || actor.groups.some((g) => start.starters.includes(g.key));
}

/** A short subject for titles: the first non-empty text the start form asked for. */
function subjectOf(start: StartStep, data: Record<string, unknown>): string {
  for (const field of formFields(start.form)) {
    const value = data[field.key];
    if (typeof value === "string" && value.trim() && ["text", "email"].includes(field.type)) return value.trim().slice(0, 120);
  }
  return "";
}

/** The id of the latest published version of a process; undefined while it has none. */
export async function latestPackageId(db: Database, processKey: string): Promise<string | undefined> {
  const [latest] = await db
    .select({ id: packageVersions.id })
    .from(packageVersions)
    .where(eq(packageVersions.processKey, processKey))
    .orderBy(desc(packageVersions.version))
    .limit(1);
  return latest?.id;
}

/**
 * The latest published version of a process and its start step, when the
 * actor may start it: NOT_FOUND for an unknown process, CONFLICT when it is
 * archived or its latest version deprecated (see version-lifecycle.ts),
 * FORBIDDEN otherwise.
 */
export async function startablePackage(
  db: Database,
  actor: Actor,
  processKey: string,
): Promise<{ pkg: LoadedPackage; start: StartStep; form: CompiledForm | undefined }> {
  const latest = await latestPackageId(db, processKey);
  if (!latest) throw notFound(`Process "${processKey}"`);
  const pkg = await loadPackage(db, latest);
  const refusal = await startRefusal(db, processKey, pkg.version, pkg.definition.name);
  if (refusal) throw conflict(refusal);
  const start = startStepOf(pkg.definition);
  if (!mayStart(actor, start)) {
    throw forbidden(`You may not start "${pkg.definition.name}": it is started by ${start.starters.join(", ")}.`);
  }
  return { pkg, start, form: pkg.forms[start.id] };
}

export async function startInstance(
  db: Database,
  actor: Actor,
  input: { processKey: string; data: unknown },
  options: StartOptions = {},
): Promise<{ instanceId: string; number: number; status: string; tasks: TaskSummary[] }> {
  const { pkg, start, form } = await startablePackage(db, actor, input.processKey);
  const definition = pkg.definition;
  const data = checkFormData(form, input.data, `the start form of "${definition.name}"`);
  await checkDirectoryValues(db, form, data, `the start form of "${definition.name}"`);
  const now = (options.now ?? new Date()).toISOString();
  const checkpoint = async (point: StartPoint) => options.checkpoint?.(point);
  const result = step(definition, undefined, { type: "started", data, startedBy: actor.username }, await engineEnv(db, definition, now));

  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(instances)
      .values({
        packageVersionId: pkg.id,
        processKey: pkg.processKey,
        title: subjectOf(start, data),
        status: result.state.status,
        state: result.state,
        variables: result.state.variables,
        startedBy: actor.userId,
        startedAt: now,
        endedAt: result.state.status === "completed" ? now : null,
      })
      .returning({ id: instances.id, number: instances.number });
    await linkAttachments(tx, actor, form, data, {
      target: { processKey: pkg.processKey },
      instanceId: row!.id,
      where: `the start form of "${definition.name}"`,
    });
    await checkpoint("instance-stored");
    const started = { type: "instance.started", data: { processKey: pkg.processKey, version: pkg.version, data } };
    const applied = await applyCommands(tx, { instanceId: row!.id, actorId: actor.userId, now, newId: randomUUID, mail: options.mail, audits: [started] }, result.state, result.commands);
    if (applied.state !== result.state) {
      // An incident the commands raised, or a called process that completed at once and moved this one on.
      await tx
        .update(instances)
        .set({ state: applied.state, variables: applied.state.variables, status: applied.state.status, endedAt: applied.state.status === "completed" ? now : null })
        .where(eq(instances.id, row!.id));
    }
    await checkpoint("commands-applied");
    await tx.delete(startDrafts).where(and(eq(startDrafts.userId, actor.userId), eq(startDrafts.processKey, pkg.processKey)));
    await checkpoint("draft-deleted");
    return { id: row!.id, number: row!.number, status: applied.state.status, taskIds: applied.createdTaskIds };
  });
  const visible = created.taskIds.length ? await loadTaskSummaries(db, actor, inArray(tasks.id, created.taskIds)) : [];
  return { instanceId: created.id, number: created.number, status: created.status, tasks: visible };
}

/** Published processes the actor may start, each with its start form: not archived ones, nor those whose latest version is deprecated. */
export async function startableProcesses(db: Database, actor: Actor) {
  const latest = await db
    .selectDistinctOn([packageVersions.processKey])
    .from(packageVersions)
    .orderBy(packageVersions.processKey, desc(packageVersions.version));
  const lifecycle = await loadLifecycle(db);
  return latest
    .filter((r) => !lifecycle.archived.has(r.processKey) && lifecycle.isDeprecated(r.processKey, r.version) === undefined)
    .filter((r) => mayStart(actor, startStepOf(r.definition as ProcessDefinition)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => {
      const definition = r.definition as ProcessDefinition;
      const start = startStepOf(definition);
      return {
        processKey: r.processKey,
        name: r.name,
        description: definition.description ?? null,
        version: r.version,
        startForm: (r.forms as Record<string, CompiledForm>)[start.id] ?? null,
      };
    });
}
