import type { AttachmentService } from "@baton/forms/react";
import type { AttachmentFile } from "@baton/model";
import { useMemo } from "react";

/** The server's file door (see apps/server `attachment-routes.ts`). */
const ATTACHMENTS = "/api/attachments";

/** What a file is uploaded for: a task's form or a process's start form. */
export type UploadTarget = { taskId: string } | { processKey: string };

/**
 * The portal's file service for attachment fields: uploads each picked file
 * to the server for this form, and links stored files for download. A
 * refusal comes back as an Error with the server's sentence.
 */
export function attachmentService(target: UploadTarget, send: typeof fetch = fetch): AttachmentService {
  const scope = "taskId" in target ? `task=${encodeURIComponent(target.taskId)}` : `process=${encodeURIComponent(target.processKey)}`;
  return {
    async upload(file: File, field: string): Promise<AttachmentFile> {
      const url = `${ATTACHMENTS}?${scope}&field=${encodeURIComponent(field)}&name=${encodeURIComponent(file.name)}`;
      let res: Response;
      try {
        res = await send(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": file.type || "application/octet-stream" },
          body: file,
        });
      } catch {
        throw new Error(`"${file.name}" could not be uploaded: the server did not answer. Check the connection and choose the file again.`);
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
        throw new Error(typeof message === "string" ? message : `"${file.name}" could not be uploaded (HTTP ${res.status}).`);
      }
      return body as AttachmentFile;
    },
    href: fileDownloads.href,
  };
}

/** Download links of stored files, for pages that only show them. */
export const fileDownloads = {
  href: (file: AttachmentFile): string => `${ATTACHMENTS}/${encodeURIComponent(file.id)}`,
};

/** One service per form target, stable across renders (BatonForm's context keeps its identity). */
export function useAttachmentService(target: UploadTarget): AttachmentService {
  const key = "taskId" in target ? `task:${target.taskId}` : `process:${target.processKey}`;
  return useMemo(() => attachmentService(target), [key]);
}
