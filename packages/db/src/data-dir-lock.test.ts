import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock.ts";

describe("data folder lock", () => {
  it("keeps a second process out while the first holds it", () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-lock-"));
    // pid 1 always runs: as if another Baton held the folder.
    writeFileSync(join(dir, "baton.lock"), "1");
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
  });

  it("takes over a lock whose owner is gone, and releases it", () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-lock-"));
    writeFileSync(join(dir, "baton.lock"), "999999999");
    const release = lockDataDir(dir);
    release();
    lockDataDir(dir)();
  });
});
