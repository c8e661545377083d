import type { AttachmentFile } from "@baton/model";
import type { ReactNode } from "react";
import { formatFileSize } from "../../attachment-files.ts";

/**
 * Files of an attachment field, or of an earlier step's upload shown in a
 * display block: each a download link (when there is somewhere to download
 * it from) with its size, and whatever the caller puts after it (a Remove
 * button, the file's own errors).
 */
export function FileList({ files, href, after, id }: {
  files: readonly AttachmentFile[];
  href?: (file: AttachmentFile) => string | undefined;
  after?: (file: AttachmentFile, index: number) => ReactNode;
  id?: string;
}) {
  if (files.length === 0) return null;
  return (
    <ul className="bf-files" id={id}>
      {files.map((file, i) => {
        const url = href?.(file);
        return (
          <li key={`${file.id}-${i}`} className="bf-file">
            <span className="bf-file-icon" aria-hidden="true">
              {iconOf(file.contentType)}
            </span>
            <span className="bf-file-main">
              {url ? (
                <a className="bf-file-name" href={url} download={file.name}>
                  {file.name}
                </a>
              ) : (
                <span className="bf-file-name">{file.name}</span>
              )}
              <span className="bf-file-size">{formatFileSize(file.size)}</span>
            </span>
            {after?.(file, i)}
          </li>
        );
      })}
    </ul>
  );
}

function iconOf(contentType: string): string {
  if (contentType.startsWith("image/")) return "🖼";
  if (contentType === "application/pdf") return "📄";
  return "📎";
}
