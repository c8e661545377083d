import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
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
};

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
  };
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
