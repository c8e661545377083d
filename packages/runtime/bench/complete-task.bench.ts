/**
 * Throughput of the core loop: start an instance, claim and complete its
 * call-back (one engine step + commands + audit in one transaction), on
 * embedded PGlite and, when reachable, PostgreSQL with concurrent clients.
 * Run: pnpm bench   (BENCH_INSTANCES=N to change the size)
 */
import { testDatabaseTargets } from "@baton/db";
import { completeTask } from "../src/complete-task.ts";
import { startInstance } from "../src/start-instance.ts";
import { claimTask } from "../src/task-access.ts";
import { prospect, seededFixture } from "../src/test-support/runtime-fixture.ts";

const instances = Number(process.env.BENCH_INSTANCES ?? 300);

for (const target of await testDatabaseTargets()) {
  if (target.skipReason) {
    console.log(`${target.name}: skipped (${target.skipReason})`);
    continue;
  }
  for (const clients of target.name === "postgres" ? [1, 8] : [1]) {
    const fx = await seededFixture(target.open);
    const dana = await fx.as("dana");
    const sam = await fx.as("sam");
    const taskIds: string[] = [];
    let t0 = performance.now();
    for (let i = 0; i < instances; i++) {
      const started = await startInstance(fx.db, dana, { processKey: "lead-to-customer", data: prospect });
      const task = started.tasks[0] ?? null;
      if (task) taskIds.push(task.id);
    }
    const startSeconds = (performance.now() - t0) / 1000;
    // Dana cannot see the sales queue: find the call-backs as Sam.
    const { inbox } = await import("../src/task-views.ts");
    const queue = (await inbox(fx.db, sam)).groupQueue.map((t) => t.id);
    for (const id of queue) await claimTask(fx.db, sam, id);
    t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < queue.length) {
          const id = queue[next++]!;
          await completeTask(fx.db, sam, { taskId: id, data: { outcome: "converted", callNotes: "bench" } });
        }
      }),
    );
    const completeSeconds = (performance.now() - t0) / 1000;
    console.log(
      `${target.name} (${clients} client${clients > 1 ? "s" : ""}): ` +
        `${(instances / startSeconds).toFixed(0)} starts/s, ${(queue.length / completeSeconds).toFixed(0)} task completions/s ` +
        `(${queue.length} completions, ${((completeSeconds / queue.length) * 1000).toFixed(2)} ms each)`,
    );
    await fx.handle.close();
  }
}
