/**
 * The runtime's bench (`pnpm bench`; alone: `pnpm --filter @baton/runtime bench`).
 * For embedded PGlite and, when reachable, PostgreSQL, with 1 and 8
 * concurrent clients, each on a freshly seeded database:
 * - lead-to-customer instances run to completion through the runtime API
 *   (start, 2 claims, 4 task completions each; baton-runs.ts);
 * - task completions alone (call-backs started and claimed beforehand),
 *   with the statements each completion sends (query-counter.ts) and the
 *   Node CPU time each takes;
 * - in the same run, the raw commit rate of a one-row INSERT transaction
 *   from Node with the same clients (raw-commits.ts), and the ratio;
 * - on PostgreSQL, the peer: bpmn-engine running the same flow, its state
 *   saved to PostgreSQL after each step (bpmn-engine-peer.ts), and the ratio;
 * then timer jobs fired per second by 2 worker processes (timer-workers.ts).
 * Prints a table, then one line `BENCH_JSON {…}`. Never checked by tests.
 *
 * Sizes (environment): BENCH_LEADS (instances run to completion, 100),
 * BENCH_COMPLETIONS (completions alone, 300), BENCH_PEER_LEADS (100),
 * BENCH_TIMERS (1000), BENCH_RAW_SECONDS (3). BENCH_INSTANCES, the old
 * name, sets BENCH_COMPLETIONS. BENCH_PROFILE=<folder> saves a CPU profile
 * of the completions alone on PostgreSQL with 8 clients (cpu-profile.ts).
 */
import { availableParallelism, loadavg } from "node:os";
import { createPostgresTestDatabase, openDatabase, testDatabaseTargets, type DatabaseHandle } from "@baton/db";
import { seededFixture, type RuntimeFixture } from "../src/test-support/runtime-fixture.ts";
import { COMPLETIONS_PER_LEAD, completeCallBacks, runLeadsToCompletion } from "./baton-runs.ts";
import { runPeer } from "./bpmn-engine-peer.ts";
import { startProfile } from "./cpu-profile.ts";
import { startCounting, type QueryCount } from "./query-counter.ts";
import { rawDrizzleCommits, rawPostgresCommits } from "./raw-commits.ts";
import { fireTimers } from "./timer-workers.ts";

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const LEADS = size("BENCH_LEADS", 100);
const COMPLETIONS = size("BENCH_COMPLETIONS", size("BENCH_INSTANCES", 300));
const PEER_LEADS = size("BENCH_PEER_LEADS", 100);
const TIMERS = size("BENCH_TIMERS", 1000);
const RAW_SECONDS = size("BENCH_RAW_SECONDS", 3);
const CLIENTS = [1, 8];

type Row = {
  database: "pglite" | "postgres";
  clients: number;
  leadsPerSecond: number;
  completionsPerSecondInLeads: number;
  completionsPerSecond: number;
  rawCommitsPerSecond: number;
  completionsToRaw: number;
  queriesPerCompletion: number | null;
  queriesByKind: Record<string, number> | null;
  nodeCpuMsPerCompletion: number;
  peer: { leadsPerSecond: number; completionsPerSecond: number; batonToPeer: number } | null;
};

/** A fresh database for one configuration: its handle, and its URL on PostgreSQL. */
async function freshDatabase(name: "pglite" | "postgres", open: () => Promise<DatabaseHandle>, clients: number): Promise<{ fx: RuntimeFixture; url: string | null; close: () => Promise<void> }> {
  if (name === "pglite") {
    const fx = await seededFixture(open);
    return { fx, url: null, close: () => fx.handle.close() };
  }
  const fresh = await createPostgresTestDatabase();
  const fx = await seededFixture(async () => {
    const handle = await openDatabase({ url: fresh.url, dataDir: "", poolSize: clients + 4 });
    await handle.migrate();
    return handle;
  });
  return {
    fx,
    url: fresh.url,
    close: async () => {
      await fx.handle.close();
      await fresh.drop();
    },
  };
}

const rows: Row[] = [];
let timers: { workers: number; timers: number; seconds: number; firedPerSecond: number; ranByWorker: number[] } | null = null;
const skipped: string[] = [];
const profileLines: string[] = [];
const t0 = performance.now();
const loadAtStart = loadavg()[0]!;

for (const target of await testDatabaseTargets()) {
  if (target.skipReason) {
    skipped.push(`${target.name}: ${target.skipReason}`);
    continue;
  }
  for (const clients of CLIENTS) {
    const db = await freshDatabase(target.name, target.open, clients);
    try {
      const leads = await runLeadsToCompletion(db.fx, LEADS, clients);
      let cpu = process.cpuUsage();
      let stop: (() => QueryCount) | null = null;
      let queries: QueryCount | null = null;
      const profiled = target.name === "postgres" && clients === 8;
      let stopProfile: ((name: string) => Promise<string[]>) | null = null;
      const alone = await completeCallBacks(db.fx, COMPLETIONS, clients, {
        before: async () => {
          if (profiled) stopProfile = await startProfile();
          cpu = process.cpuUsage();
          stop = startCounting();
        },
        after: async () => {
          queries = stop!();
          cpu = process.cpuUsage(cpu);
          if (stopProfile) profileLines.push(...(await (stopProfile as (name: string) => Promise<string[]>)("runtime-completions-postgres-8")));
        },
      });
      const completionsPerSecond = COMPLETIONS / alone.seconds;
      const raw = db.url ? await rawPostgresCommits(db.url, clients, RAW_SECONDS) : await rawDrizzleCommits(db.fx.db, clients, RAW_SECONDS);
      const peer = db.url ? await runPeer(db.url, PEER_LEADS, clients) : null;
      const leadsPerSecond = LEADS / leads.seconds;
      const counted = queries as QueryCount | null;
      rows.push({
        database: target.name,
        clients,
        leadsPerSecond,
        completionsPerSecondInLeads: leadsPerSecond * COMPLETIONS_PER_LEAD,
        completionsPerSecond,
        rawCommitsPerSecond: raw,
        completionsToRaw: completionsPerSecond / raw,
        queriesPerCompletion: counted && counted.total > 0 ? counted.total / COMPLETIONS : null,
        queriesByKind: counted && counted.total > 0 ? Object.fromEntries(Object.entries(counted.byKind).map(([k, n]) => [k, n / COMPLETIONS])) : null,
        nodeCpuMsPerCompletion: (cpu.user + cpu.system) / 1000 / COMPLETIONS,
        peer: peer
          ? {
              leadsPerSecond: PEER_LEADS / peer.seconds,
              completionsPerSecond: (PEER_LEADS * COMPLETIONS_PER_LEAD) / peer.seconds,
              batonToPeer: leadsPerSecond / (PEER_LEADS / peer.seconds),
            }
          : null,
      });
    } finally {
      await db.close();
    }
  }
  if (target.name === "postgres") {
    const db = await freshDatabase("postgres", target.open, 4);
    try {
      const fired = await fireTimers(db.fx, db.url!, TIMERS, 2);
      timers = { workers: 2, timers: TIMERS, seconds: fired.seconds, firedPerSecond: TIMERS / fired.seconds, ranByWorker: fired.ranByWorker };
    } finally {
      await db.close();
    }
  }
}

const n = (x: number | null | undefined, digits = 0) => (x === null || x === undefined ? "–" : x.toFixed(digits));
const table = [
  ["database", "clients", "leads/s", "completions/s in leads", "completions/s alone", "raw INSERT tx/s", "alone ÷ raw", "queries/completion", "Node CPU ms/completion", "bpmn-engine leads/s", "bpmn-engine completions/s", "Baton ÷ bpmn-engine"],
  ...rows.map((r) => [
    r.database,
    String(r.clients),
    n(r.leadsPerSecond, 1),
    n(r.completionsPerSecondInLeads),
    n(r.completionsPerSecond),
    n(r.rawCommitsPerSecond),
    n(r.completionsToRaw, 3),
    n(r.queriesPerCompletion, 1),
    n(r.nodeCpuMsPerCompletion, 2),
    n(r.peer?.leadsPerSecond, 1),
    n(r.peer?.completionsPerSecond),
    n(r.peer?.batonToPeer, 2),
  ]),
];
const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
const line = (row: string[]) => `| ${row.map((cell, c) => (c < 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ")} |`;
console.log(`\nruntime bench: ${LEADS} leads run to completion, ${COMPLETIONS} completions alone, ${PEER_LEADS} bpmn-engine leads, raw commits for ${RAW_SECONDS} s per configuration`);
console.log(line(table[0]!));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of table.slice(1)) console.log(line(row));
if (timers) console.log(`timer jobs fired by ${timers.workers} worker processes on PostgreSQL: ${n(timers.firedPerSecond)}/s (${timers.timers} timers in ${n(timers.seconds, 2)} s; by worker ${timers.ranByWorker.join(" + ")})`);
for (const s of skipped) console.log(`skipped ${s}`);
const byKind = rows.find((r) => r.queriesByKind)?.queriesByKind;
if (byKind) {
  console.log("statements per completion (PostgreSQL, completions alone):");
  for (const [kind, per] of Object.entries(byKind).sort((a, b) => b[1] - a[1])) console.log(`  ${per.toFixed(2).padStart(5)}  ${kind}`);
}
for (const l of profileLines) console.log(l);
const load = { atStart: loadAtStart, atEnd: loadavg()[0]!, cores: availableParallelism() };
console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s; load average ${load.atStart.toFixed(1)} at the start, ${load.atEnd.toFixed(1)} at the end, on ${load.cores} cores: figures move with it)`);
console.log(`BENCH_JSON ${JSON.stringify({ bench: "runtime", sizes: { leads: LEADS, completions: COMPLETIONS, peerLeads: PEER_LEADS, timers: TIMERS, rawSeconds: RAW_SECONDS }, load, rows, timers, skipped })}`);
