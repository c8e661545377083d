import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The folders directly inside `dir`, as full paths, sorted by name. */
export function subfolders(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .sort();
}
