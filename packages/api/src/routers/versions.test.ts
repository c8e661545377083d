import { describe, expect, it } from "vitest";
import type { ProcessDefinition } from "@baton/model";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `versions.*`: compare, publish with a note, deprecate, roll back, archive, export and import — each asked by the right person. */
const { callerAs } = seededRouter();

/** The support request's draft with one more stage between dispatching and resolving. */
function withReview(definition: ProcessDefinition): ProcessDefinition {
  const next = structuredClone(definition);
  next.steps.push({
    id: "review",
    kind: "userTask",
    name: "Second-level review",
    position: { x: 500, y: 300 },
    assignment: { type: "group", group: "managers" },
    form: { schemaVersion: 1, blocks: [{ id: "f-ok", type: "yesNo", key: "reviewOk", label: "Looks right?", required: true }] },
  });
  const into = next.connections.find((c) => c.target === "resolve")!;
  next.connections.push({ id: "c-review", source: "review", target: "resolve" });
  into.target = "review";
  return next;
}

describe("versions router", () => {
  it("refuses participants and anonymous callers everywhere, and analysts the lifecycle", async () => {
    const key = "support-request";
    for (const [who, code] of [
      ["dana", "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const caller = await callerAs(who);
      for (const call of [
        caller.versions.list({ key }),
        caller.versions.get({ key, version: 1 }),
        caller.versions.diff({ key, from: 1, to: 1 }),
        caller.versions.draftDiff({ key }),
        caller.versions.publish({ key }),
        caller.versions.exportPackage({ key }),
        caller.versions.importPackage({ file: {} }),
      ]) {
        expect((await errorOf(call)).code).toBe(code);
      }
    }
    const ana = await callerAs("ana");
    for (const call of [
      ana.versions.deprecate({ key, version: 1 }),
      ana.versions.undeprecate({ key, version: 1 }),
      ana.versions.rollback({ key, version: 1 }),
      ana.versions.archive({ key }),
      ana.versions.unarchive({ key }),
    ]) {
      expect((await errorOf(call)).code).toBe("FORBIDDEN");
    }
  });

  it("proposes the draft's release note, publishes it with a label, and shows the diff with highlights", async () => {
    const ana = await callerAs("ana");
    const draft = await ana.studio.draft({ key: "support-request" });
    await ana.studio.saveDraft({ key: "support-request", expectedVersion: draft.version, definition: withReview(draft.definition) });
    const proposed = await ana.versions.draftDiff({ key: "support-request" });
    expect(proposed.latest).toBe(1);
    expect(proposed.releaseNote).toContain('- Added task "Second-level review".');
    const tooLong = await errorOf(ana.versions.publish({ key: "support-request", label: "x".repeat(61) }));
    expect(tooLong).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("keep the label to 60 characters") });
    const published = await ana.versions.publish({ key: "support-request", label: "Review stage", releaseNote: proposed.releaseNote });
    expect(published).toMatchObject({ version: 2, created: true });
    expect((await ana.versions.list({ key: "support-request" }))[0]).toMatchObject({ version: 2, label: "Review stage", releaseNote: proposed.releaseNote, deprecated: null });

    const compared = await ana.versions.diff({ key: "support-request", from: 1, to: 2 });
    expect(compared.diff.steps.added).toEqual([{ id: "review", name: "Second-level review", kind: "userTask" }]);
    expect(compared.to.markers).toMatchObject({ review: "added", "c-review": "added" });
    expect(compared.from.bpmnXml).toContain("bpmn:process");
    expect(compared.to.label).toBe("Review stage");
    expect((await errorOf(ana.versions.diff({ key: "support-request", from: 1, to: 9 }))).code).toBe("NOT_FOUND");
    expect((await errorOf(ana.versions.diff({ key: "support-request", from: 0, to: 1 }))).code).toBe("BAD_REQUEST");
  });

  it("lets an admin deprecate, roll back and archive, and the portal follows", async () => {
    const admin = await callerAs("admin");
    const dana = await callerAs("dana");
    const key = "support-request";
    expect(await admin.versions.deprecate({ key, version: 2, reason: "the review stage slows us down" })).toEqual({ running: 0 });
    expect((await dana.portal.startable()).map((p) => p.processKey)).not.toContain(key);
    const refused = await errorOf(dana.portal.start({ processKey: key, data: {} }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("is deprecated (the review stage slows us down)") });
    const rolledBack = await admin.versions.rollback({ key, version: 1 });
    expect(rolledBack).toMatchObject({ version: 3, created: true });
    expect((await admin.versions.get({ key, version: 3 })).releaseNote).toBe("Rolled back to v1.");
    expect((await dana.portal.startable()).map((p) => p.processKey)).toContain(key);
    await admin.versions.archive({ key, reason: "moving to the new desk" });
    expect((await dana.portal.startable()).map((p) => p.processKey)).not.toContain(key);
    expect((await admin.admin.processes()).find((p) => p.key === key)).toMatchObject({ archived: "moving to the new desk" });
    await admin.versions.unarchive({ key });
    await admin.versions.undeprecate({ key, version: 2 });
    expect((await admin.versions.list({ key })).map((v) => [v.version, v.deprecated])).toEqual([
      [3, null],
      [2, null],
      [1, null],
    ]);
  });

  it("exports a package file and refuses it once edited", async () => {
    const admin = await callerAs("admin");
    const file = await admin.versions.exportPackage({ key: "support-request", version: 2 });
    expect(file).toMatchObject({ processKey: "support-request", version: 2, label: "Review stage" });
    // Version 3 (the rollback) is the latest: v2's content is different, so it comes in as v4.
    expect(await admin.versions.importPackage({ file })).toMatchObject({ version: 4, created: true, fileVersion: 2 });
    const edited = await errorOf(admin.versions.importPackage({ file: { ...file, label: "Sneaky" } }));
    expect(edited).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("changed after it was exported") });
  });
});
