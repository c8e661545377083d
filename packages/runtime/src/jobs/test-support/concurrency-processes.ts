import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "../../actor.ts";
import { startInstance } from "../../start-instance.ts";
import { pendingJobCount } from "../worker.ts";

/**
 * Small processes for the concurrency tests and the bench: a timer due at
 * once, and a parallel split into many tasks joined again. Their last tasks
 * are assigned to `sam`, a demo user.
 */
const at = (x: number) => ({ x, y: 0 });
const noForm = () => ({ schemaVersion: 1 as const, blocks: [] });

/** start → timer (PT0S: due when started) → task "After the timer" → end. */
export const dueTimerProcess: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "due-timer",
  name: "Due timer",
  steps: [
    { id: "start", kind: "start", name: "Start", position: at(0), starters: [] },
    { id: "wait", kind: "timer", name: "Wait", position: at(100), timer: { type: "duration", duration: "PT0S" } },
    { id: "after", kind: "userTask", name: "After the timer", position: at(200), assignment: { type: "user", user: "sam" }, form: noForm() },
    { id: "done", kind: "end", name: "Done", position: at(300) },
  ],
  connections: [
    { id: "c1", source: "start", target: "wait" },
    { id: "c2", source: "wait", target: "after" },
    { id: "c3", source: "after", target: "done" },
  ],
};

/** start → parallel split into `branches` tasks (all sam's) → parallel join → task "After the join" → end. */
export function parallelJoinProcess(branches: number): ProcessDefinitionInput {
  const ids = Array.from({ length: branches }, (_, i) => `branch${i + 1}`);
  return {
    schemaVersion: 1,
    key: `parallel-join-${branches}`,
    name: `Parallel join of ${branches}`,
    steps: [
      { id: "start", kind: "start", name: "Start", position: at(0), starters: [] },
      { id: "split", kind: "parallelGateway", name: "Split", position: at(100) },
      ...ids.map((id, i) => ({ id, kind: "userTask" as const, name: `Branch ${i + 1}`, position: { x: 200, y: i * 100 }, assignment: { type: "user" as const, user: "sam" }, form: noForm() })),
      { id: "join", kind: "parallelGateway", name: "Join", position: at(300) },
      { id: "after", kind: "userTask", name: "After the join", position: at(400), assignment: { type: "user", user: "sam" }, form: noForm() },
      { id: "done", kind: "end", name: "Done", position: at(500) },
    ],
    connections: [
      { id: "c-start", source: "start", target: "split" },
      ...ids.flatMap((id) => [
        { id: `c-split-${id}`, source: "split", target: id },
        { id: `c-${id}-join`, source: id, target: "join" },
      ]),
      { id: "c-join", source: "join", target: "after" },
      { id: "c-end", source: "after", target: "done" },
    ],
  };
}

/** Starts `count` instances of `processKey` through the runtime's start path, `clients` at a time. */
export async function startMany(db: Database, actor: Actor, processKey: string, count: number, clients = 8): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        next += 1;
        ids.push((await startInstance(db, actor, { processKey, data: {} })).instanceId);
      }
    }),
  );
  return ids;
}

/** Polls until no job is pending (a job that keeps failing never gets there: the caller's timeout says so). */
export async function untilNoJobPending(db: Database, pollMs = 50): Promise<void> {
  while ((await pendingJobCount(db)) > 0) await sleep(pollMs);
}
