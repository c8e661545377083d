import { DEMO_USERS, isEmptyDatabase, seedDemo, type SeedReport } from "@baton/runtime";
import { openMigratedDatabase } from "../../database.ts";
import { buildHttpServer } from "../../http-server.ts";
import { serviceSecrets } from "../../env.ts";
import { startServerWorker } from "../../job-worker.ts";
import { type Command, stringOption } from "../command.ts";
import { table, UsageError } from "../output.ts";

export const serveCommand: Command = {
  name: "serve",
  usage: "serve [--port N] [--host H] [--worker-only | --no-worker]",
  summary: "Start the server: API, studio, portal and the job worker (seeds demo data into an empty database).",
  valueOptions: ["port", "host"],
  flagOptions: ["worker-only", "no-worker"],
  ownsDatabase: true,
  run: async (ctx) => {
    const portText = stringOption(ctx, "port");
    const port = portText === undefined ? ctx.env.port : Number.parseInt(portText, 10);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${portText}".`);
    const host = stringOption(ctx, "host") ?? ctx.env.host;
    const workerOnly = ctx.options["worker-only"] === true;
    if (workerOnly && ctx.options["no-worker"] === true) throw new UsageError("--worker-only and --no-worker exclude each other.");
    const handle = await openMigratedDatabase(ctx.env);
    const seeded: SeedReport | null = (await isEmptyDatabase(handle.db)) ? await seedDemo(handle.db, ctx.env.templatesDir) : null;
    const app = await buildHttpServer(handle.db, ctx.env);
    // The worker starts once the port is known: the demo scoring it may call is this server.
    const startWorker = (atPort: number) => (ctx.options["no-worker"] === true ? null : startServerWorker(handle.db, ctx.env, serviceSecrets(ctx.env, { host, port: atPort }), app.log));
    let worker: ReturnType<typeof startWorker> = null;
    // Graceful: the job in hand finishes, requests in flight are answered, then the database closes.
    const stop = async (signal: string) => {
      app.log.info(`${signal}: stopping`);
      await worker?.stop();
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
    if (workerOnly) {
      worker = startWorker(port);
      process.stdout.write(`Baton job worker is running on ${handle.kind === "pglite" ? `embedded PGlite in ${handle.location}` : `PostgreSQL at ${handle.location}`} (no HTTP). Press Ctrl+C to stop.\n`);
      await new Promise(() => {});
    }
    await app.listen({ port, host });
    const address = app.server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    worker = startWorker(actualPort);
    const base = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${actualPort}`;
    const storage =
      handle.kind === "pglite"
        ? `embedded PGlite in ${handle.location} (fsync off: fine for trying Baton; use PostgreSQL via DATABASE_URL for real work)`
        : `PostgreSQL at ${handle.location}`;
    process.stdout.write(
      [
        "",
        `Baton is running on ${storage}.`,
        `  Portal (participants): ${base}/portal/`,
        `  Studio (analysts):     ${base}/studio/`,
        seeded ? "\nDemo users created in this empty database:" : "\nDemo users (seeded on first start):",
        table(["user", "password", "role", "groups"], DEMO_USERS.map((u) => [u.username, u.password, u.role, u.groups.join(", ")])),
        ...(seeded ? seededContent(seeded) : []),
        "",
        "Press Ctrl+C to stop.",
        "",
      ].join("\n"),
    );
    await new Promise(() => {}); // run until a signal stops the process
  },
};

/** What the first start put into the empty database besides the users. */
function seededContent(report: SeedReport): string[] {
  return [
    "",
    `Processes published: ${report.published.map((p) => p.processKey).join(", ") || "none"}`,
    `Blocks in the studio's library: ${report.blocksCreated.join(", ") || "none"}`,
  ];
}
