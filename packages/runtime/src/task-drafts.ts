import { and, eq, sql } from "drizzle-orm";
import { taskDrafts, tasks, type Database } from "@baton/db";
import type { Actor } from "./actor.ts";
import { draftData } from "./draft-data.ts";
import { conflict } from "./errors.ts";
import { taskFormContext } from "./task-access.ts";
import { toIso } from "./time.ts";

/**
 * Task drafts hold what a participant typed until they complete the task;
 * the instance never sees them before. Saves are optimistic like process
 * drafts: a save from a stale window is refused and nothing is overwritten.
 * What a draft may hold (shape, size, no hidden fields' values, over the
 * instance's variables): `draft-data.ts`.
 */

export async function saveTaskDraft(
  db: Database,
  actor: Actor,
  input: { taskId: string; data: unknown; expectedVersion: number | null },
  now = new Date(),
): Promise<{ version: number; updatedAt: string }> {
  const { task, form, variables } = await taskFormContext(db, actor, input.taskId, "its draft can no longer change");
  const data = draftData(form, input.data, "A task draft", variables);
  const at = now.toISOString();
  if (input.expectedVersion === null) {
    const [row] = await db
      .insert(taskDrafts)
      .values({ taskId: input.taskId, data, updatedBy: actor.userId, updatedAt: at })
      .onConflictDoNothing()
      .returning({ version: taskDrafts.version });
    if (row) return { version: row.version, updatedAt: at };
  } else {
    const [row] = await db
      .update(taskDrafts)
      .set({ data, version: sql`${taskDrafts.version} + 1`, updatedBy: actor.userId, updatedAt: at })
      .where(and(eq(taskDrafts.taskId, input.taskId), eq(taskDrafts.version, input.expectedVersion)))
      .returning({ version: taskDrafts.version });
    if (row) return { version: row.version, updatedAt: at };
  }
  const [current] = await db.select({ version: taskDrafts.version, updatedAt: taskDrafts.updatedAt }).from(taskDrafts).where(eq(taskDrafts.taskId, input.taskId));
  throw conflict(
    current
      ? `This task was changed in another window (draft version ${current.version}, saved ${toIso(current.updatedAt)}). Nothing was overwritten: reload to see the latest version.`
      : `The draft of this task was removed in another window. Nothing was overwritten: reload to continue.`,
  );
}

/** Drafts exist only for open tasks; used by checks and tests. */
export async function draftOf(db: Database, taskId: string) {
  const [row] = await db.select().from(taskDrafts).innerJoin(tasks, eq(tasks.id, taskDrafts.taskId)).where(eq(taskDrafts.taskId, taskId));
  return row?.task_drafts ?? null;
}
