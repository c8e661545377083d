/**
 * A migration in a process of its own, for the test that kills it midway
 * (migrate-instances.pg.test.ts); spawned like a worker process
 * (jobs/test-support/worker-processes.ts) and speaking the same lines.
 *
 * Lifecycle: connect to DATABASE_URL, print `{"ready":true}`, wait for
 * `go` on stdin, then migrate every running instance of MIGRATE_KEY from
 * version 1 to 2 with MIGRATE_MAPPING (JSON), printing `{"done":n}` after
 * each instance. With MIGRATE_HANG_AT=k, the k-th instance's transaction
 * prints `{"inside":k}` once all its writes are made and then hangs,
 * uncommitted, until the process is killed.
 */
import { openDatabase } from "@baton/db";
import { loadActor } from "../actor.ts";
import { migrateInstances } from "../migrate-instances.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("migrate-process: DATABASE_URL is required");
const hangAt = Number(process.env.MIGRATE_HANG_AT ?? 0);
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

const handle = await openDatabase({ url, dataDir: "", poolSize: 2 });
const admin = await loadActor(handle.db, { username: "admin" });
say({ ready: true });
await new Promise<void>((resolve) => {
  let input = "";
  process.stdin.setEncoding("utf8").on("data", (chunk) => {
    input += chunk;
    if (input.includes("go\n")) resolve();
  });
});
let entered = 0;
await migrateInstances(
  handle.db,
  admin,
  { processKey: process.env.MIGRATE_KEY!, fromVersion: 1, toVersion: 2, all: true, mapping: JSON.parse(process.env.MIGRATE_MAPPING ?? "{}") },
  {
    onProgress: (done) => say({ done }),
    checkpoint: async () => {
      entered += 1;
      if (entered !== hangAt) return;
      say({ inside: entered });
      await new Promise(() => {}); // holds the transaction, uncommitted, until SIGKILL
    },
  },
);
await handle.close();
say({ stopped: true });
process.exit(0);
