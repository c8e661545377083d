import { randomUUID } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import { auditEvents, instances, packageVersions, tasks, type Database } from "@baton/db";
import { step } from "@baton/engine";
import { formFields, type CompiledForm, type ProcessDefinition, type StartStep } from "@baton/model";
import type { Actor } from "./actor.ts";
import { applyCommands } from "./apply-commands.ts";
import { latestPackageVersion } from "./drafts.ts";
import { forbidden, notFound } from "./errors.ts";
import { checkDirectoryValues } from "./directory-values.ts";
import { checkFormData } from "./form-data.ts";
import { loadTaskSummaries, type TaskSummary } from "./task-views.ts";

/**
 * Starting an instance: the latest published version of the process, the
 * start form's data checked on the server, the engine's first step and its
 * commands, all in one transaction.
 */
export type StartOptions = { now?: Date };

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

export async function startInstance(
  db: Database,
  actor: Actor,
  input: { processKey: string; data: unknown },
  options: StartOptions = {},
): Promise<{ instanceId: string; number: number; status: string; tasks: TaskSummary[] }> {
  const pkg = await latestPackageVersion(db, input.processKey);
  if (!pkg) throw notFound(`Process "${input.processKey}"`);
  const definition = pkg.definition as ProcessDefinition;
  const start = startStepOf(definition);
  if (!mayStart(actor, start)) {
    throw forbidden(`You may not start "${definition.name}": it is started by ${start.starters.join(", ")}.`);
  }
  const forms = pkg.forms as Record<string, CompiledForm>;
  const data = checkFormData(forms[start.id], input.data, `the start form of "${definition.name}"`);
  await checkDirectoryValues(db, forms[start.id], data, `the start form of "${definition.name}"`);
  const now = (options.now ?? new Date()).toISOString();
  const result = step(definition, undefined, { type: "started", data, startedBy: actor.username }, { now, newId: randomUUID });

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
    await tx.insert(auditEvents).values({
      instanceId: row!.id,
      actorId: actor.userId,
      type: "instance.started",
      data: { processKey: pkg.processKey, version: pkg.version, data },
      at: now,
    });
    const applied = await applyCommands(tx, { instanceId: row!.id, actorId: actor.userId, now, newId: randomUUID }, result.state, result.commands);
    if (applied.state !== result.state) {
      await tx.update(instances).set({ state: applied.state, status: applied.state.status }).where(eq(instances.id, row!.id));
    }
    return { id: row!.id, number: row!.number, status: applied.state.status, taskIds: applied.createdTaskIds };
  });
  const visible = created.taskIds.length ? await loadTaskSummaries(db, actor, inArray(tasks.id, created.taskIds)) : [];
  return { instanceId: created.id, number: created.number, status: created.status, tasks: visible };
}

/** Published processes the actor may start, each with its start form. */
export async function startableProcesses(db: Database, actor: Actor) {
  const latest = await db
    .selectDistinctOn([packageVersions.processKey])
    .from(packageVersions)
    .orderBy(packageVersions.processKey, desc(packageVersions.version));
  return latest
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
