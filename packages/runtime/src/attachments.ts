import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { attachments, instances, type Database } from "@baton/db";
import { attachmentProblem, type AttachmentOptions, type FieldError } from "@baton/forms";
import type { AttachmentFile, CompiledForm } from "@baton/model";
import type { Actor } from "./actor.ts";
import { invalidInput, notFound } from "./errors.ts";
import { invalidData } from "./form-data.ts";
import { formKeysWith } from "./form-keys.ts";
import { requireId } from "./ids.ts";
import { isInstanceParticipant } from "./instance-details.ts";
import { startablePackage } from "./start-instance.ts";
import { taskFormContext } from "./task-access.ts";

/**
 * Files a participant attaches to a form. Their lifecycle:
 *  1. upload: while the form is being filled, each picked file is stored
 *     here at once (bytes in PostgreSQL, with its SHA-256), for one field
 *     of one open task or of one process's start form, by the person
 *     filling it; the form data (and its draft) then holds only
 *     `{ id, name, size, contentType }`;
 *  2. link: when the form is submitted, in the same transaction that
 *     completes the task or starts the instance, every file the data names
 *     is checked (uploaded by the submitter for this form, or already part
 *     of this instance, and described as stored) and tied to the instance;
 *  3. read: the uploader, and once linked everyone who may see the
 *     instance, may download it.
 * A file uploaded and never submitted stays unlinked and visible only to
 * its uploader.
 */

/** Where a file is uploaded for: an open task's form, or a process's start form. */
export type AttachmentTarget = { taskId: string } | { processKey: string };

export type UploadInput = {
  target: AttachmentTarget;
  /** The attachment field's key in that form. */
  field: string;
  name: string;
  contentType: string;
  content: Uint8Array;
};

export async function uploadAttachment(db: Database, actor: Actor, input: UploadInput, now = new Date()): Promise<AttachmentFile> {
  const { form, where } = await formFor(db, actor, input.target);
  const options = attachmentOptions(form, input.field);
  if (!options) throw invalidInput(`${where} has no attachment field "${input.field}".`);
  const name = cleanFileName(input.name);
  const contentType = cleanContentType(input.contentType);
  const problem = attachmentProblem(options, { name, size: input.content.byteLength, type: contentType });
  if (problem) throw invalidInput(problem);
  const [row] = await db
    .insert(attachments)
    .values({
      name,
      contentType,
      size: input.content.byteLength,
      sha256: createHash("sha256").update(input.content).digest("hex"),
      content: Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength),
      uploadedBy: actor.userId,
      uploadedAt: now.toISOString(),
      taskId: "taskId" in input.target ? input.target.taskId : null,
      processKey: "processKey" in input.target ? input.target.processKey : null,
    })
    .returning({ id: attachments.id });
  return { id: row!.id, name, size: input.content.byteLength, contentType };
}

/** A file's bytes for download, when the actor may see it; "not found" otherwise, so ids reveal nothing. */
export async function readAttachment(db: Database, actor: Actor, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, requireId(id, "File")));
  if (!row || !(await mayRead(db, actor, row))) throw notFound(`File "${id}"`);
  return { name: row.name, contentType: row.contentType, size: row.size, sha256: row.sha256, content: row.content };
}

async function mayRead(db: Database, actor: Actor, row: typeof attachments.$inferSelect): Promise<boolean> {
  if (row.uploadedBy === actor.userId || actor.role === "admin") return true;
  if (!row.instanceId) return false;
  const [instance] = await db.select({ startedBy: instances.startedBy }).from(instances).where(eq(instances.id, row.instanceId));
  return instance !== undefined && (await isInstanceParticipant(db, actor, row.instanceId, instance.startedBy));
}

/**
 * Step 2 of the lifecycle, inside the submitting transaction (`db` is the
 * transaction): refuses files the data names that the submitter may not
 * hand in, with an error at each such file, then ties the rest to the
 * instance. Runs after the schema check, so each file has its four details.
 */
export async function linkAttachments(
  db: Database,
  actor: Actor,
  form: CompiledForm | undefined,
  data: Readonly<Record<string, unknown>>,
  submission: { target: AttachmentTarget; instanceId: string; where: string },
): Promise<void> {
  const named = namedFiles(form, data);
  if (named.length === 0) return;
  const rows = await db
    .select({
      id: attachments.id,
      name: attachments.name,
      size: attachments.size,
      contentType: attachments.contentType,
      uploadedBy: attachments.uploadedBy,
      taskId: attachments.taskId,
      processKey: attachments.processKey,
      instanceId: attachments.instanceId,
    })
    .from(attachments)
    .where(inArray(attachments.id, [...new Set(named.map((n) => n.file.id))]));
  const stored = new Map(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  const toLink: string[] = [];
  for (const { path, file } of named) {
    const row = stored.get(file.id);
    const ownUpload =
      row !== undefined &&
      row.uploadedBy === actor.userId &&
      row.instanceId === null &&
      ("taskId" in submission.target ? row.taskId === submission.target.taskId : row.processKey === submission.target.processKey && row.taskId === null);
    const alreadyHere = row !== undefined && row.instanceId === submission.instanceId;
    if (!row || (!ownUpload && !alreadyHere)) {
      errors.push({ path, message: `"${file.name}" was not uploaded for this form; upload it again.` });
    } else if (row.name !== file.name || row.size !== file.size || row.contentType !== file.contentType) {
      errors.push({ path, message: `"${file.name}" does not match the uploaded file; upload it again.` });
    } else if (ownUpload) {
      toLink.push(row.id);
    }
  }
  if (errors.length > 0) throw invalidData(submission.where, errors);
  if (toLink.length > 0) {
    await db.update(attachments).set({ instanceId: submission.instanceId }).where(inArray(attachments.id, toLink));
  }
}

/** The files the data names, with the JSON pointer of each, in form order. */
function namedFiles(form: CompiledForm | undefined, data: Readonly<Record<string, unknown>>): { path: string; file: AttachmentFile }[] {
  const out: { path: string; file: AttachmentFile }[] = [];
  for (const key of attachmentKeys(form)) {
    const value = data[key];
    if (!Array.isArray(value)) continue;
    value.forEach((file: AttachmentFile, i) => out.push({ path: `/${key}/${i}`, file }));
  }
  return out;
}

const attachmentKeys = (form: CompiledForm | undefined) => formKeysWith(form, "ui:field", "attachment");

function attachmentOptions(form: CompiledForm | undefined, field: string): AttachmentOptions | undefined {
  if (!attachmentKeys(form).includes(field)) return undefined;
  return (form!.uiSchema[field] as { "ui:options": AttachmentOptions })["ui:options"];
}

async function formFor(db: Database, actor: Actor, target: AttachmentTarget): Promise<{ form: CompiledForm | undefined; where: string }> {
  if ("taskId" in target) {
    const { task, form } = await taskFormContext(db, actor, target.taskId, "files can no longer be added to it");
    return { form, where: `The form of "${task.name}"` };
  }
  const { pkg, form } = await startablePackage(db, actor, target.processKey);
  return { form, where: `The start form of "${pkg.definition.name}"` };
}

/** The last part of a path, without control characters, at most 200 characters, never empty. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-200);
  return clean === "" || clean === "." || clean === ".." ? "file" : clean;
}

/** A `type/subtype` the browser named, without parameters; anything else is stored as plain bytes. */
export function cleanContentType(contentType: string): string {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type) ? type : "application/octet-stream";
}

/** Files the instance holds, for checks and tests. */
export async function attachmentsOfInstance(db: Database, instanceId: string) {
  return db
    .select({ id: attachments.id, name: attachments.name, size: attachments.size })
    .from(attachments)
    .where(eq(attachments.instanceId, instanceId));
}
