import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SECRET_NAME } from "@baton/model";
import type { MailSettings } from "@baton/runtime";

/**
 * The environment, read and checked in this one place. Relative paths are
 * taken from the directory Baton was started in (INIT_CWD under pnpm).
 */
export type Env = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: string;
  templatesDir: string;
  studioDist: string;
  portalDist: string;
  secureCookies: boolean;
  /** Job worker: jobs taken per poll, and the pause when none was due. */
  workerBatch: number;
  workerPollMs: number;
  /** Outgoing e-mail (BATON_SMTP_URL and BATON_MAIL_FROM); null: Baton sends none. */
  mail: MailSettings | null;
  /**
   * Secrets for service calls (`{{secrets.NAME}}`), by name: BATON_SECRET_<NAME>
   * and the JSON object in BATON_SECRETS_FILE (the variable wins). Only the
   * job worker's service calls see them.
   */
  secrets: Record<string, string>;
  /**
   * Baton's own demo scoring service (POST /demo/scoring) and the API key
   * it wants, served while no SCORING_URL secret points elsewhere; then
   * `serviceSecrets` points SCORING_URL and SCORING_KEY at it. Null once a
   * real scoring system is configured.
   */
  demoScoring: { key: string } | null;
};

/** The demo scoring's API key when BATON_SECRET_SCORING_KEY does not set one. */
export const DEMO_SCORING_KEY = "baton-demo-scoring";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cwd = source.INIT_CWD ?? process.cwd();
  const port = Number.parseInt(source.PORT ?? "3000", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${source.PORT}".`);
  return {
    databaseUrl: source.DATABASE_URL || undefined,
    dataDir: resolve(cwd, source.BATON_DATA_DIR || ".baton"),
    port,
    host: source.HOST || "127.0.0.1",
    logLevel: source.BATON_LOG_LEVEL || "warn",
    templatesDir: resolve(cwd, source.BATON_TEMPLATES_DIR || resolve(repoRoot, "templates")),
    studioDist: resolve(repoRoot, "apps/studio/dist"),
    portalDist: resolve(repoRoot, "apps/portal/dist"),
    secureCookies: source.BATON_SECURE_COOKIES === "true",
    workerBatch: positiveInt(source, "BATON_WORKER_BATCH", 20),
    workerPollMs: positiveInt(source, "BATON_WORKER_POLL_MS", 1000),
    mail: readMail(source),
    ...readSecrets(source, cwd),
  };
}

/**
 * The secrets the job worker fills into service calls: the configured ones,
 * and while the demo scoring runs, SCORING_URL pointing at this server's
 * own `/demo/scoring` (where it listens) with the demo's key.
 */
export function serviceSecrets(env: Env, listening: { host: string; port: number }): Record<string, string> {
  if (!env.demoScoring) return env.secrets;
  const { host, port } = listening;
  const reachable = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return { ...env.secrets, SCORING_URL: `http://${reachable}:${port}/demo/scoring`, SCORING_KEY: env.demoScoring.key };
}

const SECRET_PREFIX = "BATON_SECRET_";

/** Values never appear in an error: only names and where they came from. */
function readSecrets(source: NodeJS.ProcessEnv, cwd: string): Pick<Env, "secrets" | "demoScoring"> {
  const secrets: Record<string, string> = {};
  const file = source.BATON_SECRETS_FILE?.trim();
  if (file) {
    const path = resolve(cwd, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : error instanceof SyntaxError ? "it is not valid JSON" : (error as Error).message;
      throw new Error(`BATON_SECRETS_FILE names ${path}, which Baton cannot read: ${reason}.`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new Error(`BATON_SECRETS_FILE (${path}) must hold a JSON object of names and text values, such as {"SCORING_KEY": "…"}.`);
    }
    for (const [name, value] of Object.entries(parsed)) {
      if (!SECRET_NAME.test(name)) throw new Error(`BATON_SECRETS_FILE (${path}) names the secret "${name}": a name is letters, digits and _, starting with a letter.`);
      if (typeof value !== "string") throw new Error(`BATON_SECRETS_FILE (${path}) gives the secret ${name} a ${Array.isArray(value) ? "list" : value === null ? "null" : typeof value}; write it as text in quotes.`);
      secrets[name] = value;
    }
  }
  for (const [variable, value] of Object.entries(source)) {
    if (!variable.startsWith(SECRET_PREFIX) || value === undefined || value === "") continue;
    const name = variable.slice(SECRET_PREFIX.length);
    if (!SECRET_NAME.test(name)) throw new Error(`${variable} does not name a secret: write BATON_SECRET_<NAME>, the name letters, digits and _, starting with a letter.`);
    secrets[name] = value;
  }
  const demoScoring = Object.hasOwn(secrets, "SCORING_URL") ? null : { key: secrets.SCORING_KEY ?? DEMO_SCORING_KEY };
  return { secrets, demoScoring };
}

/** Both settings or neither; the password in a URL never appears in an error. */
function readMail(source: NodeJS.ProcessEnv): MailSettings | null {
  const smtpUrl = source.BATON_SMTP_URL?.trim();
  const from = source.BATON_MAIL_FROM?.trim();
  if (!smtpUrl && !from) return null;
  if (!smtpUrl) {
    throw new Error("BATON_MAIL_FROM is set but BATON_SMTP_URL is not: set both to send e-mail (e.g. BATON_SMTP_URL=smtp://user:pass@mail.example.com:587), or neither.");
  }
  const url = URL.canParse(smtpUrl) ? new URL(smtpUrl) : null;
  if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
    const shown = smtpUrl.replace(/\/\/[^/@]*@/, "//…@");
    throw new Error(`BATON_SMTP_URL must be an smtp:// or smtps:// URL with a host, such as smtp://user:pass@mail.example.com:587, not "${shown}".`);
  }
  if (!from) throw new Error('BATON_SMTP_URL is set but BATON_MAIL_FROM is not: set the sender, e.g. BATON_MAIL_FROM="Baton <baton@example.com>".');
  const address = /<([^<>]*)>$/.exec(from)?.[1] ?? from;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address)) {
    throw new Error(`BATON_MAIL_FROM must be an e-mail address, with a name if you like ("Baton <baton@example.com>"), not "${from}".`);
  }
  return { smtpUrl, from };
}

function positiveInt(source: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = source[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more, not "${text}".`);
  return value;
}

/** Resolves a path the user typed, relative to where they typed it. */
export const userPath = (path: string, source: NodeJS.ProcessEnv = process.env) =>
  resolve(source.INIT_CWD ?? process.cwd(), path);
