import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import type { PackageFile } from "@baton/model";
import { canonicalJson, sha256 } from "./canonical-hash.ts";
import type { UserError } from "./errors.ts";
import { exportPackage, importPackage } from "./package-file.ts";
import { getVersion, publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { oneTaskProcess } from "./test-support/hand-out-processes.ts";
import { seededFixture, type RuntimeFixture } from "./test-support/runtime-fixture.ts";

/**
 * A version exported from one Baton (embedded PGlite) and imported into
 * another (a real PostgreSQL server), and every way a file can be refused.
 */
const [pglite, postgres] = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);
const sam = { type: "user", user: "sam" } as const;

/** Re-seals a hand-edited file the way a careless or malicious editor would. */
const withChecksum = (file: Omit<PackageFile, "checksum">): PackageFile => ({ ...file, checksum: sha256(canonicalJson(file)) });
const withoutChecksum = ({ checksum: _, ...body }: PackageFile) => body;

describe.skipIf(postgres!.skipReason !== null)("package export and import, PGlite to PostgreSQL", () => {
  let source: RuntimeFixture;
  let target: RuntimeFixture;
  let file: PackageFile;
  beforeAll(async () => {
    source = await seededFixture(pglite!.open);
    target = await seededFixture(postgres!.open);
    const admin = await source.as("admin");
    await publishDefinition(source.db, admin, oneTaskProcess("moved", sam));
    await publishDefinition(source.db, admin, oneTaskProcess("moved", sam, "Sort and file the ticket"), { label: "Filing", releaseNote: "Tickets are filed too." });
    file = JSON.parse(JSON.stringify(await exportPackage(source.db, admin, { processKey: "moved" })));
  }, 120_000);
  afterAll(async () => {
    await source?.handle.close();
    await target?.handle.close();
  });

  it("exports the latest version with everything it is and says", () => {
    expect(file).toMatchObject({
      format: "baton.package",
      formatVersion: 1,
      processKey: "moved",
      version: 2,
      label: "Filing",
      releaseNote: "Tickets are filed too.",
      publishedBy: "admin",
      usedBlocks: [],
      definition: expect.objectContaining({ key: "moved", schemaVersion: 1 }),
      forms: { sort: { schema: expect.anything(), uiSchema: expect.anything() } },
      bpmnXml: expect.stringContaining('<bpmn:process id="moved"'),
    });
  });

  it("imports it on PostgreSQL with the same number, hash and content, and runs it there", async () => {
    const admin = await target.as("admin");
    const imported = await importPackage(target.db, admin, file);
    expect(imported).toEqual({ processKey: "moved", version: 2, hash: file.hash, created: true, fileVersion: 2 });
    const there = await getVersion(target.db, admin, "moved", 2);
    const here = await getVersion(source.db, await source.as("admin"), "moved", 2);
    expect({ ...there, publishedAt: null }).toEqual({
      ...here,
      publishedAt: null,
      origin: { imported: { version: 2, hash: file.hash, publishedBy: "admin", publishedAt: file.publishedAt } },
    });
    const started = await startInstance(target.db, await target.as("dana"), { processKey: "moved", data: {} });
    expect(started.status).toBe("running");
    // The same file again adds nothing; an older version after it becomes the next number.
    expect(await importPackage(target.db, admin, file)).toMatchObject({ version: 2, created: false });
    const v1 = await exportPackage(source.db, await source.as("admin"), { processKey: "moved", version: 1 });
    expect(await importPackage(target.db, admin, v1)).toMatchObject({ version: 3, created: true, fileVersion: 1 });
  });

  it("refuses a modified, foreign or incompatible file and says why", async () => {
    const admin = await target.as("admin");
    const reason = async (input: unknown) => {
      const error = await failure(importPackage(target.db, admin, input));
      expect(error?.code, JSON.stringify(error)).toMatch(/INVALID_INPUT|INVALID_PROCESS/);
      return error!.message;
    };
    const renamed = structuredClone(file);
    (renamed.definition.steps as { name: string }[])[1]!.name = "Do nothing";
    expect(await reason(renamed)).toBe("This package file cannot be imported: it was changed after it was exported (its checksum does not match its content).");
    expect(await reason(withChecksum(withoutChecksum(renamed)))).toMatch(/its process or forms do not match its hash/);
    expect(await reason({ ...file, releaseNote: "All good, trust me." })).toMatch(/checksum does not match/);
    expect(await reason({ ...file, formatVersion: 2 })).toMatch(/file format 2, and this Baton reads format 1 \(it was exported by a newer Baton/);
    expect(await reason({ hello: "world" })).toMatch(/not a Baton package/);
    expect(await reason("nonsense")).toMatch(/not a JSON object/);
    const { hash: _, ...noHash } = file;
    expect(await reason(noHash)).toMatch(/"hash"/);
    // A newer process schema, with checksum and hash made to match: still refused, as incompatible.
    const newer = structuredClone(withoutChecksum(file));
    newer.definition.schemaVersion = 2;
    newer.hash = sha256(canonicalJson({ definition: newer.definition, forms: newer.forms }));
    expect(await reason(withChecksum(newer))).toMatch(/schema version 2, and this Baton reads version 1/);
    // A resealed but invalid process: its problems, not a crash.
    const broken = structuredClone(withoutChecksum(file));
    broken.definition.connections = [];
    broken.hash = sha256(canonicalJson({ definition: broken.definition, forms: broken.forms }));
    expect(await reason(withChecksum(broken))).toMatch(/cannot be published/);
    expect((await getVersion(target.db, admin, "moved", 3)).version).toBe(3);
    expect(await failure(getVersion(target.db, admin, "moved", 4))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports and imports only for the studio's people, and imports only for allowed publishers", async () => {
    expect(await failure(exportPackage(source.db, await source.as("sam"), { processKey: "moved" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(importPackage(target.db, await target.as("sam"), file))).toMatchObject({ code: "FORBIDDEN" });
    // ana may publish only what she created or was allowed; "moved" was created by the admin here.
    expect(await failure(importPackage(target.db, await target.as("ana"), file))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(exportPackage(source.db, await source.as("admin"), { processKey: "moved", version: 9 }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
