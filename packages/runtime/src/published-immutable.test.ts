import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * No API, CLI or runtime code path changes or removes a published version:
 * the code that serves users never writes `package_versions` except by
 * inserting (sealVersion), and the database refuses an UPDATE or DELETE
 * anyway (migrations 0001 and 0019, tested in @baton/db and in
 * version-lifecycle.int.test.ts). This reads the sources, so a new
 * `update(packageVersions)` fails here before it fails in production.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const served = ["packages/runtime/src", "packages/api/src", "apps/server/src"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const writes = [/\.update\(\s*packageVersions\b/, /\.delete\(\s*packageVersions\b/, /\bupdate\s+"?package_versions"?/i, /\bdelete\s+from\s+"?package_versions"?/i, /\btruncate\b[^;]*package_versions/i];
const inserts = /\.insert\(\s*packageVersions\b/;

describe("published versions", () => {
  const files = served.flatMap((dir) => sources(join(root, dir)));

  it("are read from many places but never updated or deleted by served code", () => {
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return writes.filter((w) => w.test(text)).map((w) => `${relative(root, file)} matches ${w}`);
    });
    expect(offending).toEqual([]);
  });

  it("are written in one place only: sealVersion", () => {
    const writers = files.filter((file) => inserts.test(readFileSync(file, "utf8"))).map((file) => relative(root, file));
    expect(writers).toEqual(["packages/runtime/src/seal-version.ts"]);
  });
});
