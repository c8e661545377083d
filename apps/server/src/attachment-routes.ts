import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "@baton/db";
import { MAX_ATTACHMENT_MB } from "@baton/model";
import { readAttachment, uploadAttachment, type Actor } from "@baton/runtime";
import { actorOfRequest } from "./request-actor.ts";
import { fail, failWith } from "./rest-errors.ts";

/**
 * Files attached to forms, over plain HTTP (a file does not fit a JSON
 * call):
 *   POST /api/attachments?task=<id>|process=<key>&field=<key>&name=<file name>
 *     body: the file's bytes, Content-Type: its type; answers the file's
 *     details `{ id, name, size, contentType }` for the form data.
 *   GET /api/attachments/<id>: the file, as a download.
 * Both need the session cookie or an API token (`Authorization: Bearer`);
 * the runtime decides who may do what.
 * Errors answer `{ error: { code, message } }` with the matching status.
 */
export const ATTACHMENTS_PATH = "/api/attachments";

type UploadQuery = { task?: string; process?: string; field?: string; name?: string };

export async function registerAttachmentRoutes(app: FastifyInstance, db: Database, sessionCookie: string): Promise<void> {
  await app.register(async (scope) => {
    // Bytes as they come, whatever the type (a .json file is a file, not a request to parse).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

    scope.setErrorHandler((error: { statusCode?: number }, request, reply) => {
      if (error.statusCode === 413) return fail(reply, 413, "INVALID_INPUT", `The file is larger than ${MAX_ATTACHMENT_MB} MB, more than any field takes.`);
      return failWith(request, reply, error, "attachment request");
    });

    const actorOf = async (request: FastifyRequest): Promise<Actor | null> => (await actorOfRequest(db, request, sessionCookie)).actor;

    scope.post<{ Querystring: UploadQuery }>(ATTACHMENTS_PATH, { bodyLimit: MAX_ATTACHMENT_MB * 1024 * 1024 + 1 }, async (request, reply) => {
      const actor = await actorOf(request);
      if (!actor) return fail(reply, 401, "UNAUTHENTICATED", "Please sign in.");
      const { task, process, field, name } = request.query;
      if ((task === undefined) === (process === undefined)) return fail(reply, 400, "INVALID_INPUT", 'Say what the file is for: "task" (a task id) or "process" (a process key), one of them.');
      if (!field) return fail(reply, 400, "INVALID_INPUT", 'Say which attachment field the file is for: "field".');
      if (!name) return fail(reply, 400, "INVALID_INPUT", 'Give the file\'s name: "name".');
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      try {
        const file = await uploadAttachment(db, actor, {
          target: task !== undefined ? { taskId: task } : { processKey: process! },
          field,
          name,
          contentType: request.headers["content-type"] ?? "application/octet-stream",
          content,
        });
        return reply.code(201).send(file);
      } catch (error) {
        return failWith(request, reply, error, "attachment request");
      }
    });

    scope.get<{ Params: { id: string } }>(`${ATTACHMENTS_PATH}/:id`, async (request, reply) => {
      const actor = await actorOf(request);
      if (!actor) return fail(reply, 401, "UNAUTHENTICATED", "Please sign in.");
      try {
        const file = await readAttachment(db, actor, request.params.id);
        return reply
          .header("Content-Type", file.contentType)
          .header("Content-Length", file.size)
          .header("Content-Disposition", contentDisposition(file.name))
          // A downloaded file never runs as a page of Baton's origin.
          .header("Content-Security-Policy", "sandbox; default-src 'none'")
          .header("Cache-Control", "private, no-store")
          .header("ETag", `"${file.sha256}"`)
          .send(Buffer.from(file.content));
      } catch (error) {
        return failWith(request, reply, error, "attachment request");
      }
    });
  });
}


/** `attachment` with the name in both forms, so every browser saves it under its own name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
