import { sql, type SQLWrapper, type WithSubquery } from "drizzle-orm";
import type { Database } from "@baton/db";

/**
 * Writes of a transaction whose answer nobody needs, held back so that
 * they ride along with a later statement of the same transaction as
 * data-modifying CTEs — `with held_0 as (update …), held_1 as (insert …)
 * <statement>` — one round trip for all of them instead of one each.
 *
 * What keeps it sound: PostgreSQL runs all parts of one statement on the
 * same snapshot, in no set order, and checks foreign keys when the
 * statement ends. So
 *  - a statement may carry held writes only if nothing it reads or writes
 *    depends on them (it sees the rows as they were before), and the held
 *    writes touch different rows from one another;
 *  - before anything that might depend on what is held, `flush` sends it;
 *  - whoever holds writes carries or flushes them before the transaction
 *    ends: a write still held then is never sent.
 */
export class HeldWrites {
  private writes: SQLWrapper[] = [];

  /** Holds an insert, update or delete query (built, not awaited: awaiting would send it). */
  hold(write: SQLWrapper): void {
    this.writes.push(write);
  }

  get size(): number {
    return this.writes.length;
  }

  /** The held writes as CTEs for `tx.with(...)`, which then carries them; they are no longer held. */
  take(tx: Database): WithSubquery[] {
    const taken = this.writes.map((write, i) => tx.$with(`held_${i}`, {}).as(write.getSQL()));
    this.writes = [];
    return taken;
  }

  /** Sends what is held, in one statement (nothing when nothing is held). */
  async flush(tx: Database): Promise<void> {
    const writes = this.writes;
    this.writes = [];
    const last = writes.pop();
    if (!last) return;
    if (!writes.length) {
      await tx.execute(last.getSQL());
      return;
    }
    // getSQL(): a query embedded as such would be put in parentheses, as a subquery.
    const ctes = sql.join(
      writes.map((write, i) => sql`${sql.identifier(`held_${i}`)} as (${write.getSQL()})`),
      sql`, `,
    );
    await tx.execute(sql`with ${ctes} ${last.getSQL()}`);
  }
}
