import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The parent's side of `worker-process.ts`: spawns a worker process on a
 * PostgreSQL database, reads its JSON lines, and starts, stops or kills it.
 */
export type WorkerMessage = { ready?: true; took?: string; n?: number; stopped?: true; ran?: number; done?: number; inside?: number };

export type WorkerProcess = {
  readonly child: ChildProcess;
  readonly messages: WorkerMessage[];
  /** Resolves with the first message (already seen or still to come) that `match` accepts. */
  waitFor(match: (message: WorkerMessage) => boolean): Promise<WorkerMessage>;
  /** Lets the worker start polling (after `ready`). */
  go(): void;
  /** SIGTERM: graceful stop; answers how many jobs it ran. */
  stop(): Promise<number>;
  /** SIGKILL: dies at once, mid-job; its connections drop with it. */
  kill(): Promise<void>;
};

const script = fileURLToPath(new URL("./worker-process.ts", import.meta.url));
// `node --import tsx`, not tsx's CLI: the CLI runs the script in a second
// process, and a SIGKILL must hit the one holding the connection.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const alive = new Set<ChildProcess>();

/** SIGKILLs every worker process spawned here that is still running (cleanup after a failed test). */
export async function killStrayWorkers(): Promise<void> {
  await Promise.all(
    [...alive].map(async (child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }),
  );
}

/** `child`: another script speaking the same lines (e.g. the migration process of migrate-instances.pg.test.ts). */
export function spawnWorker(databaseUrl: string, settings: Record<string, string> = {}, childScript = script): WorkerProcess {
  const child = spawn(process.execPath, ["--import", tsxLoader, childScript], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ...settings },
    stdio: ["pipe", "pipe", "pipe"],
  });
  alive.add(child);
  const messages: WorkerMessage[] = [];
  const waiting: { match: (m: WorkerMessage) => boolean; resolve: (m: WorkerMessage) => void; reject: (e: Error) => void }[] = [];
  let stderr = "";
  let buffered = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line.startsWith("{")) continue;
      const message = JSON.parse(line) as WorkerMessage;
      messages.push(message);
      for (const w of [...waiting]) {
        if (w.match(message)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      alive.delete(child);
      resolve(code);
    }),
  );
  void exited.then((code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`worker process exited (${code ?? "killed"}) before the awaited message; stderr:\n${stderr}`));
  });

  return {
    child,
    messages,
    waitFor(match) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`worker process has exited; stderr:\n${stderr}`));
      return new Promise((resolve, reject) => waiting.push({ match, resolve, reject }));
    },
    go() {
      child.stdin!.write("go\n");
    },
    async stop() {
      const stopped = this.waitFor((m) => m.stopped === true);
      child.kill("SIGTERM");
      const [message, code] = await Promise.all([stopped, exited]);
      if (code !== 0) throw new Error(`worker process exited with ${code}; stderr:\n${stderr}`);
      return message.ran ?? 0;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Spawns `count` workers, waits until all are connected, then starts them together. */
export async function startWorkers(databaseUrl: string, count: number, settings: Record<string, string> = {}): Promise<WorkerProcess[]> {
  const workers = Array.from({ length: count }, () => spawnWorker(databaseUrl, settings));
  await Promise.all(workers.map((w) => w.waitFor((m) => m.ready === true)));
  for (const w of workers) w.go();
  return workers;
}
