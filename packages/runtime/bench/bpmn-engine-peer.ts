import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { Engine } from "bpmn-engine";
import pg from "pg";
import { prospect } from "../src/test-support/runtime-fixture.ts";
import { COMPLETIONS_PER_LEAD, timedClients } from "./baton-runs.ts";

/**
 * The peer: the npm package bpmn-engine (paed01) running the same
 * lead-to-customer flow (lead-to-customer.bpmn), persisted its usual way:
 * after each step (the instance reached its next user task, or ended) the
 * engine's `getState()` is saved as JSON to PostgreSQL, one upsert per
 * step. Kindly to the peer: each client keeps its engine in memory between
 * steps (no recover from the saved state), and the BPMN is parsed once and
 * its serialized context shared by every instance.
 */
const xml = readFileSync(new URL("./lead-to-customer.bpmn", import.meta.url), "utf8");
const steps: [string, Record<string, unknown>][] = [
  ["callBack", { outcome: "converted", callNotes: "bench" }],
  ["enterOrder", { orderProduct: "business", quantity: 3, amount: 1500, shippingAddress: "1 Main St" }],
  ["shipOrder", { shippedOn: "2026-11-24", carrier: "dhl", trackingNumber: "JD0001" }],
  ["followUp", { satisfied: true }],
];
if (steps.length !== COMPLETIONS_PER_LEAD) throw new Error("the peer must complete as many tasks as Baton does");

type WaitApi = { id: string; environment: { output: Record<string, unknown> }; signal(message?: unknown): void };

async function parsedOnce(): Promise<unknown> {
  const template = new Engine({ name: "lead-to-customer", source: xml });
  const [definition] = (await template.getDefinitions()) as unknown as { context: { definitionContext: unknown } }[];
  return definition!.context.definitionContext;
}

async function runOne(sourceContext: unknown, client: pg.Client, id: string): Promise<void> {
  const save = async (state: unknown) =>
    client.query("insert into bpmn_engine_state (id, state) values ($1, $2) on conflict (id) do update set state = excluded.state, saved_at = now()", [id, state]);
  const engine = new Engine({ name: id, sourceContext } as ConstructorParameters<typeof Engine>[0]);
  const listener = new EventEmitter();
  const waiting: WaitApi[] = [];
  let wake: (() => void) | null = null;
  listener.on("wait", (api: WaitApi) => {
    waiting.push(api);
    wake?.();
  });
  const nextWait = async () => {
    while (!waiting.length) await new Promise<void>((resolve) => (wake = resolve));
    return waiting.shift()!;
  };
  const ended = engine.waitFor("end");
  await engine.execute({ listener, variables: { ...prospect } });
  for (const [stepId, data] of steps) {
    const task = await nextWait();
    if (task.id !== stepId) throw new Error(`bpmn-engine peer: waiting at ${task.id}, expected ${stepId}`);
    await save(await engine.getState()); // the step reached: saved
    Object.assign(task.environment.output, data); // the form's data, for the outcome decision
    task.signal(data);
  }
  await ended;
  await save(await engine.getState());
}

/** `count` instances run to completion by `clients` concurrent clients, each with its own connection. */
export async function runPeer(url: string, count: number, clients: number): Promise<{ seconds: number }> {
  const sourceContext = await parsedOnce();
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  await connections[0]!.query("create table if not exists bpmn_engine_state (id text primary key, state jsonb not null, saved_at timestamptz not null default now())");
  const free = [...connections];
  const seconds = await timedClients(count, clients, async (i) => {
    const client = free.pop()!;
    try {
      await runOne(sourceContext, client, `lead-${clients}-${i}`);
    } finally {
      free.push(client);
    }
  });
  const saved = await connections[0]!.query("select count(*)::int as n from bpmn_engine_state where id like $1", [`lead-${clients}-%`]);
  if (saved.rows[0].n !== count) throw new Error(`bpmn-engine peer: ${saved.rows[0].n} of ${count} instances saved`);
  await Promise.all(connections.map((c) => c.end()));
  return { seconds };
}
