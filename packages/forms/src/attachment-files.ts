import type { AttachmentFile } from "@baton/model";

/**
 * What an attachment field takes, shared by the browser (checked before a
 * file is sent, so nobody waits for an upload that will be refused) and
 * the server (which decides).
 */
export type AttachmentOptions = { maxSizeMb: number; multiple: boolean; accept?: string[] };

/** Whether a file matches a field's accepted types: a MIME type, a family (`image/*`) or a name ending (`.pdf`), without case. */
export function acceptsFile(accept: readonly string[] | undefined, name: string, contentType: string): boolean {
  if (!accept || accept.length === 0) return true;
  const lowerName = name.toLowerCase();
  const type = contentType.toLowerCase();
  return accept.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith(".")) return lowerName.endsWith(p);
    if (p.endsWith("/*")) return type.startsWith(p.slice(0, -1));
    return type === p;
  });
}

export const maxAttachmentBytes = (options: Pick<AttachmentOptions, "maxSizeMb">) => Math.floor(options.maxSizeMb * 1024 * 1024);

/** Why a file cannot go into the field, or undefined when it can. */
export function attachmentProblem(options: AttachmentOptions, file: { name: string; size: number; type: string }): string | undefined {
  const limit = maxAttachmentBytes(options);
  if (file.size === 0) return `"${file.name}" is empty; choose a file with content.`;
  if (file.size > limit) return `"${file.name}" is ${formatFileSize(file.size)}; this field takes files up to ${formatFileSize(limit)}.`;
  if (!acceptsFile(options.accept, file.name, file.type)) return `"${file.name}" is not a type this field takes (${options.accept!.join(", ")}).`;
  return undefined;
}

/** 512 bytes, 4.2 KB, 380 KB, 12.5 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A list of files as an attachment field holds it (used to show earlier uploads as files, not as rows). */
export function isFileList(value: unknown): value is AttachmentFile[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (v) => typeof v === "object" && v !== null && typeof v.id === "string" && typeof v.name === "string" && typeof v.size === "number" && typeof v.contentType === "string",
    )
  );
}

/**
 * Whether a compiled schema is an attachment field's list (its items are
 * file details). rjsf must not fill such a list up to `minItems` with empty
 * items: a required field starts with no file, not with a blank one.
 */
export function isFileListSchema(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  const { type, items } = schema as { type?: unknown; items?: { required?: unknown } };
  const required = Array.isArray(items?.required) ? items.required : [];
  return type === "array" && ["id", "name", "size", "contentType"].every((k) => required.includes(k));
}
