import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { step } from "./step.ts";
import { chain, decision, end, flow, processOf, start, task } from "./test-support/process-builder.ts";

const root = import.meta.dirname;

/** Engine source files: everything under src except tests and test support. */
function engineFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test-support" ? [] : engineFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the engine is pure", () => {
  const files = engineFiles();

  it("finds the engine's files", () => {
    expect(files.map((f) => relative(root, f))).toEqual(expect.arrayContaining(["step.ts", "run-tokens.ts", "elements/user-task.ts"]));
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s imports only the model (itself pure), feelin and its own files", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const imports = [...source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[3] as string);
    for (const from of imports) {
      const allowed = from.startsWith("./") || from.startsWith("../") || from === "feelin" || from === "@baton/model";
      expect(allowed, `${relative(root, file)} imports "${from}"`).toBe(true);
    }
    expect(source).not.toMatch(/\bimport\s*\(|\brequire\s*\(/);
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s reads no clock, randomness or environment", (_name, file) => {
    const source = readFileSync(file, "utf8");
    for (const forbidden of [/Date\.now\s*\(/, /new Date\(\s*\)/, /Math\.random/, /process\.env/, /\bfetch\s*\(/, /Temporal\.Now/, /performance\.now/]) {
      expect(source, `${relative(root, file)} uses ${forbidden}`).not.toMatch(forbidden);
    }
  });
});

describe("the engine at run time", () => {
  afterEach(() => vi.restoreAllMocks());

  it("never asks the machine for the time or a random number, even for FEEL's now() and today()", () => {
    const tripwire = (what: string) => () => {
      throw new Error(`the engine read ${what}`);
    };
    vi.spyOn(Date, "now").mockImplementation(tripwire("Date.now()"));
    vi.spyOn(Math, "random").mockImplementation(tripwire("Math.random()"));
    const process = processOf(
      [start("s"), decision("d"), task("t", { due: { type: "expression", expression: 'now() + duration("PT1H")' } }), end("e")],
      [flow("s", "d"), flow("d", "t", { condition: "today() > date(\"2000-01-01\")" }), ...chain("t", "e")],
      { timeZone: "Europe/Berlin" },
    );

    const { commands } = step(process, undefined, { type: "started", data: {}, startedBy: "a" }, { now: "2024-03-29T09:00:00Z", newId: () => "x" });

    expect(commands).toContainEqual(expect.objectContaining({ type: "createTask", dueAt: "2024-03-29T10:00:00.000Z" }));
  });
});
