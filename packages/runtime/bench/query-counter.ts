import pg from "pg";

/**
 * Counts the statements `pg` sends (every query of drizzle's node-postgres
 * driver goes through `Client.prototype.query`, BEGIN and COMMIT
 * included), and by kind ("select tasks", "insert audit_events", …), to
 * see how many round trips one completion takes.
 */
export type QueryCount = { total: number; byKind: Record<string, number> };

// Texts are tallied as sent and sorted into kinds afterwards, so counting costs the timed phase little.
let counting: Map<string, number> | null = null;
const original = pg.Client.prototype.query;
(pg.Client.prototype as { query: unknown }).query = function query(this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "");
    counting.set(text, (counting.get(text) ?? 0) + 1);
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
};

function kindOf(text: string): string {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t.startsWith("with ")) return kindOfWith(t);
  const verb = t.split(" ")[0] ?? "";
  const table = /(?:from|into|update|join) "?([a-z_]+)"?/.exec(t)?.[1];
  const lock = t.includes(" for update") ? " for update" : "";
  return table ? `${verb} ${table}${lock}` : verb;
}

/**
 * A statement with CTEs (held-writes.ts): its main statement, then what
 * the CTEs do, e.g. "insert tasks, with update tasks". The main statement
 * is the first word outside all parentheses after the CTE list.
 */
function kindOfWith(t: string): string {
  let depth = 0;
  let main = -1;
  for (let i = 5; i < t.length && main < 0; i++) {
    const c = t[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && /^(select|insert|update|delete) /.test(t.slice(i))) main = i;
  }
  const parts = [...t.slice(5, main < 0 ? t.length : main).matchAll(/\((select|insert into|update|delete from) "?([a-z_]+)"?/g)].map((m) => `${m[1]!.split(" ")[0]} ${m[2]}`);
  return `${main < 0 ? "with" : kindOf(t.slice(main))}, with ${parts.join(", ")}`;
}

/** Counts the statements sent from now until the returned function is called (nothing else should run meanwhile). */
export function startCounting(): () => QueryCount {
  const texts = new Map<string, number>();
  counting = texts;
  return () => {
    counting = null;
    const count: QueryCount = { total: 0, byKind: {} };
    for (const [text, n] of texts) {
      const kind = kindOf(text);
      count.total += n;
      count.byKind[kind] = (count.byKind[kind] ?? 0) + n;
    }
    return count;
  };
}
