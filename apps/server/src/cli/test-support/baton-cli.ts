import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));

export type BatonRun = { code: number; json: any; stderr: string };

/**
 * The `baton` command as scripts use it: a separate process per call with
 * --json, all on one embedded data folder of the test's own (`dataDir`).
 */
export function batonCli(prefix: string): { dataDir: string; baton: (...args: string[]) => Promise<BatonRun> } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const baton = async (...args: string[]): Promise<BatonRun> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), join(repoRoot, "apps/server/src/cli/main.ts"), ...args, "--json"], {
        cwd: repoRoot,
        env: { ...process.env, BATON_DATA_DIR: dataDir, DATABASE_URL: "" },
      });
      return { code: 0, json: JSON.parse(stdout), stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, json: e.stdout ? JSON.parse(e.stdout) : null, stderr: e.stderr };
    }
  };
  return { dataDir, baton };
}
