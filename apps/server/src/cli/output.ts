import { isUserError } from "@baton/runtime";
import { DataDirInUseError } from "@baton/db";

/**
 * How the CLI speaks: tables and sentences for people, one JSON document
 * on stdout for scripts (`--json`). Errors the user can fix print their
 * message (and field errors) and exit 1; bugs print a stack and exit 2.
 */
export type Output = {
  json: boolean;
  result: (value: unknown, human: () => string) => void;
};

export const createOutput = (json: boolean): Output => ({
  json,
  result: (value, human) => {
    process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
  },
});

export class UsageError extends Error {}

export function reportError(error: unknown, json: boolean): number {
  if (isUserError(error) || error instanceof UsageError || error instanceof DataDirInUseError) {
    const code = isUserError(error) ? error.code : error instanceof UsageError ? "USAGE" : "DATA_DIR_IN_USE";
    const fieldErrors = isUserError(error) ? error.fieldErrors : undefined;
    const problems = isUserError(error) ? error.problems : undefined;
    if (json) {
      process.stdout.write(`${JSON.stringify({ error: { code, message: error.message, fieldErrors, problems } }, null, 2)}\n`);
    } else {
      process.stderr.write(`error: ${error.message}\n`);
      for (const f of fieldErrors ?? []) process.stderr.write(`  ${f.path || "(form)"}: ${f.message}\n`);
      for (const p of problems ?? []) process.stderr.write(`  ${(p as { severity: string }).severity}: ${(p as { message: string }).message}\n`);
    }
    return 1;
  }
  process.stderr.write(`Baton failed unexpectedly:\n${(error as Error)?.stack ?? String(error)}\n`);
  return 2;
}

/** A plain text table. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  if (rows.length === 0) return "(none)";
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "—" : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}

export function parseJsonOption(text: string | undefined, option: string): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${option} is not valid JSON: ${(error as Error).message}`);
  }
}
