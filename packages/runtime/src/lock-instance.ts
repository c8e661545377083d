import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { instances, tasks, type Database } from "@baton/db";
import { reusedQuery, UNNAMED } from "./reused-query.ts";

export type InstanceRow = typeof instances.$inferSelect;

/**
 * Locks an instance row (FOR UPDATE) for an engine step, and with it every
 * instance that called it (its parent, the parent's parent...), callers
 * first. A step of a called instance may end it and step its parent in the
 * same transaction (child-instances.ts), and a step of the parent may
 * cancel the child: both then hold the parent before the child, so the two
 * cannot wait on each other. The order is by `number`: a parent is always
 * created before the instances it calls. An instance no one called locks
 * only itself, in one plain round trip; a called one takes a second.
 *
 * `target` is the instance's id, or a task's id (its instance), so finding
 * the instance costs no round trip of its own.
 */
export async function lockInstance(tx: Database, target: string | { taskId: string }): Promise<InstanceRow | undefined> {
  const byTask = typeof target !== "string";
  const id = byTask ? target.taskId : target;
  // The instance's id in SQL, from `value`: the id itself, or the task's instance.
  const instanceIdFrom = (value: unknown) => (byTask ? sql`(select ${tasks.instanceId} from ${tasks} where ${tasks.id} = ${value})` : sql`${value}::uuid`);
  const start = instanceIdFrom(id);
  // Most instances were started on their own: one plain lock, as cheap as before calls existed.
  // (The link never changes once set, so reading it under the lock decides safely.) Built once per connection.
  const ownLock = reusedQuery(tx, byTask ? "lock-instance-of-task" : "lock-instance", () =>
    tx.select().from(instances).where(and(sql`${instances.id} = ${instanceIdFrom(sql.placeholder("id"))}`, isNull(instances.parentInstanceId))).for("update").prepare(UNNAMED),
  );
  const [own] = await ownLock.execute({ id });
  if (own) return own;
  const rows = await tx
    .select()
    .from(instances)
    .where(
      sql`${instances.id} in (
        with recursive chain(id, parent) as (
          select i.id, i.parent_instance_id from ${instances} i where i.id = ${start}
          union all
          select i.id, i.parent_instance_id from ${instances} i join chain on i.id = chain.parent
        )
        select id from chain
      )`,
    )
    .orderBy(asc(instances.number))
    .for("update");
  // The instance itself is the one no other row of the chain names as parent: the last, by number.
  return rows.at(-1);
}

/** How many instances called this one, up the chain (0: started on its own). */
export async function callDepth(tx: Database, instanceId: string): Promise<number> {
  const [row] = await tx.select({ parent: instances.parentInstanceId }).from(instances).where(eq(instances.id, instanceId));
  return row?.parent ? 1 + (await callDepth(tx, row.parent)) : 0;
}
