import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attachments, instances, testDatabaseTargets } from "@baton/db";
import type { AttachmentFile, ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "./actor.ts";
import { cleanContentType, cleanFileName, readAttachment, uploadAttachment } from "./attachments.ts";
import { completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask } from "./task-access.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { inbox } from "./task-views.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

/** A claim with a payslip on the start form and a signed contract on the review. */
const expenseClaim: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "expense-claim",
  name: "Expense claim",
  steps: [
    {
      id: "start",
      kind: "start",
      name: "Claim",
      position: { x: 0, y: 0 },
      starters: ["service-desk"],
      form: {
        schemaVersion: 1,
        blocks: [
          { id: "f-subject", type: "text", key: "subject", label: "Subject", required: true },
          { id: "f-receipts", type: "attachment", key: "receipts", label: "Receipts", required: true, multiple: true, maxSizeMb: 0.001, accept: ["application/pdf", "image/*"] },
        ],
      },
    },
    {
      id: "review",
      kind: "userTask",
      name: "Review",
      position: { x: 200, y: 0 },
      assignment: { type: "group", group: "sales" },
      form: { schemaVersion: 1, blocks: [{ id: "f-signed", type: "attachment", key: "signed", label: "Signed form", required: true }] },
    },
    { id: "done", kind: "end", name: "Done", position: { x: 400, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "review" },
    { id: "c2", source: "review", target: "done" },
  ],
};

const bytes = (text: string) => new TextEncoder().encode(text);
const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as UserError);

describe("file details", () => {
  it("keeps only a file name and a plain content type", () => {
    expect(cleanFileName("C:\\Users\\ana\\payslip.pdf")).toBe("payslip.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(cleanFileName("..")).toBe("file");
    expect(cleanContentType("Image/PNG; charset=binary")).toBe("image/png");
    expect(cleanContentType("<script>")).toBe("application/octet-stream");
  });
});

describeOnEachDatabase("attachments: uploaded for one form, tied to the instance on submit", targets, (fx) => {
  let dana: Actor;
  let sam: Actor;
  let shay: Actor;
  beforeAll(async () => {
    await publishDefinition(fx.db, await fx.as("ana"), expenseClaim);
    dana = await fx.as("dana");
    sam = await fx.as("sam");
    shay = await fx.as("shay");
  });

  const upload = (actor: Actor, target: { processKey: string } | { taskId: string }, field: string, name: string, content = "%PDF-1.7 receipt", contentType = "application/pdf") =>
    uploadAttachment(fx.db, actor, { target, field, name, contentType, content: bytes(content) });

  it("refuses a file that is too big, empty, of another type, for an unknown field or from someone who may not start", async () => {
    const target = { processKey: "expense-claim" };
    const big = await errorOf(upload(dana, target, "receipts", "big.pdf", "x".repeat(1100)));
    expect(big).toMatchObject({ code: "INVALID_INPUT", message: '"big.pdf" is 1.1 KB; this field takes files up to 1.0 KB.' });
    expect(await errorOf(upload(dana, target, "receipts", "empty.pdf", ""))).toMatchObject({ code: "INVALID_INPUT", message: '"empty.pdf" is empty; choose a file with content.' });
    expect(await errorOf(upload(dana, target, "receipts", "notes.txt", "hello", "text/plain"))).toMatchObject({
      code: "INVALID_INPUT",
      message: '"notes.txt" is not a type this field takes (application/pdf, image/*).',
    });
    expect(await errorOf(upload(dana, target, "subject", "a.pdf"))).toMatchObject({ code: "INVALID_INPUT", message: 'The start form of "Expense claim" has no attachment field "subject".' });
    expect(await errorOf(upload(shay, target, "receipts", "a.pdf"))).toMatchObject({ code: "FORBIDDEN" });
    expect((await fx.db.select({ id: attachments.id }).from(attachments)).length).toBe(0);
  });

  it("ties the start form's files to the new instance; only the uploader reads an unsubmitted file", async () => {
    const receipt = await upload(dana, { processKey: "expense-claim" }, "receipts", "taxi.pdf");
    expect(receipt).toEqual({ id: expect.any(String), name: "taxi.pdf", size: 16, contentType: "application/pdf" });
    expect(Buffer.from((await readAttachment(fx.db, dana, receipt.id)).content).toString()).toBe("%PDF-1.7 receipt");
    expect(await errorOf(readAttachment(fx.db, sam, receipt.id))).toMatchObject({ code: "NOT_FOUND" });

    const started = await startInstance(fx.db, dana, { processKey: "expense-claim", data: { subject: "Taxi", receipts: [receipt] } });
    const [row] = await fx.db.select({ instanceId: attachments.instanceId }).from(attachments).where(eq(attachments.id, receipt.id));
    expect(row!.instanceId).toBe(started.instanceId);
    // The reviewer's group sees the instance, and so the file; others still do not.
    expect((await readAttachment(fx.db, sam, receipt.id)).name).toBe("taxi.pdf");
    expect(await errorOf(readAttachment(fx.db, shay, receipt.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses data naming a file uploaded by someone else, for another form, already used, or described falsely, and starts nothing", async () => {
    const before = (await fx.db.select({ id: instances.id }).from(instances)).length;
    const mine = await upload(dana, { processKey: "expense-claim" }, "receipts", "hotel.pdf");
    const admin = await fx.as("admin");
    const theirs = await upload(admin, { processKey: "expense-claim" }, "receipts", "theirs.pdf");
    const start = (receipts: AttachmentFile[]) => errorOf(startInstance(fx.db, dana, { processKey: "expense-claim", data: { subject: "Hotel", receipts } }));

    const foreign = await start([mine, theirs]);
    expect(foreign).toMatchObject({ code: "INVALID_DATA", fieldErrors: [{ path: "/receipts/1", message: '"theirs.pdf" was not uploaded for this form; upload it again.' }] });
    const renamed = await start([{ ...mine, size: 1 }]);
    expect(renamed?.fieldErrors).toEqual([{ path: "/receipts/0", message: '"hotel.pdf" does not match the uploaded file; upload it again.' }]);
    const invented = await start([{ ...mine, id: "7f1c7a51-8a9e-4f3a-9d55-1c2b7d7a0c11" }]);
    expect(invented?.fieldErrors).toEqual([{ path: "/receipts/0", message: '"hotel.pdf" was not uploaded for this form; upload it again.' }]);
    expect((await fx.db.select({ id: instances.id }).from(instances)).length).toBe(before);
    const [unlinked] = await fx.db.select({ instanceId: attachments.instanceId }).from(attachments).where(eq(attachments.id, mine.id));
    expect(unlinked!.instanceId).toBeNull();

    await startInstance(fx.db, dana, { processKey: "expense-claim", data: { subject: "Hotel", receipts: [mine] } });
    expect(await start([mine])).toMatchObject({ code: "INVALID_DATA", fieldErrors: [{ path: "/receipts/0" }] });
  });

  it("takes a task's file from its assignee only, keeps it in the draft, and ties it to the instance on completion", async () => {
    const receipt = await upload(dana, { processKey: "expense-claim" }, "receipts", "train.pdf");
    const started = await startInstance(fx.db, dana, { processKey: "expense-claim", data: { subject: "Train", receipts: [receipt] } });
    const review = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === started.instanceId)!;
    const target = { taskId: review.id };
    expect(await errorOf(upload(sam, target, "signed", "signed.pdf"))).toMatchObject({ code: "FORBIDDEN", message: 'Claim "Review" before you work on it.' });
    await claimTask(fx.db, sam, review.id);
    expect(await errorOf(upload(dana, target, "signed", "signed.pdf"))).toMatchObject({ code: "NOT_FOUND" });

    const signed = await upload(sam, target, "signed", "signed.pdf", "%PDF signed");
    await saveTaskDraft(fx.db, sam, { taskId: review.id, data: { signed: [signed] }, expectedVersion: null });
    const [drafted] = await fx.db.select({ instanceId: attachments.instanceId }).from(attachments).where(eq(attachments.id, signed.id));
    expect(drafted!.instanceId).toBeNull();

    // Another request's file is refused; one already part of this request may be handed on.
    const elsewhere = await upload(dana, { processKey: "expense-claim" }, "receipts", "bus.pdf");
    await startInstance(fx.db, dana, { processKey: "expense-claim", data: { subject: "Bus", receipts: [elsewhere] } });
    const foreign = await errorOf(completeTask(fx.db, sam, { taskId: review.id, data: { signed: [elsewhere] } }));
    expect(foreign?.fieldErrors).toEqual([{ path: "/signed/0", message: '"bus.pdf" was not uploaded for this form; upload it again.' }]);
    expect(await errorOf(saveTaskDraft(fx.db, sam, { taskId: review.id, data: { signed: [receipt] }, expectedVersion: 1 }))).toBeUndefined();
    await saveTaskDraft(fx.db, sam, { taskId: review.id, data: { signed: [signed] }, expectedVersion: 2 });
    // A completion that fails at its last point leaves the file unlinked, like everything else.
    const failing = completeTask(fx.db, sam, { taskId: review.id, data: { signed: [signed] } }, {
      checkpoint: (point) => {
        if (point === "completion-stored") throw new Error("injected");
      },
    });
    await expect(failing).rejects.toThrow("injected");
    const [rolledBack] = await fx.db.select({ instanceId: attachments.instanceId }).from(attachments).where(eq(attachments.id, signed.id));
    expect(rolledBack!.instanceId).toBeNull();
    await completeTask(fx.db, sam, { taskId: review.id, data: { signed: [signed] } });
    const [linked] = await fx.db.select({ instanceId: attachments.instanceId }).from(attachments).where(eq(attachments.id, signed.id));
    expect(linked!.instanceId).toBe(started.instanceId);
    expect(await errorOf(upload(sam, target, "signed", "late.pdf"))).toMatchObject({ code: "CONFLICT" });
    // The starter sees the reviewer's file once it is part of the request.
    expect((await readAttachment(fx.db, dana, signed.id)).size).toBe(11);
  });
});
