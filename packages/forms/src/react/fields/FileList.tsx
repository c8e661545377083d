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
            <FileIcon kind={kindOf(file.contentType)} />
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

type Kind = "image" | "pdf" | "other";

function kindOf(contentType: string): Kind {
  if (contentType.startsWith("image/")) return "image";
  if (contentType === "application/pdf") return "pdf";
  return "other";
}

/** A page outline; pictures get a mountain, PDFs their three letters (drawn, so no emoji font is needed). */
function FileIcon({ kind }: { kind: Kind }) {
  return (
    <svg className="bf-file-icon" width="22" height="26" viewBox="0 0 22 26" aria-hidden="true" focusable="false">
      <path d="M2.5 1.5h11l6 6v17h-17z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M13.5 1.5v6h6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      {kind === "image" && <path d="M5 21l4-5 3 3 2-2 3 4z" fill="currentColor" />}
      {kind === "pdf" && (
        <text x="11" y="20" textAnchor="middle" fontSize="6.5" fontWeight="700" fill="currentColor" fontFamily="sans-serif">
          PDF
        </text>
      )}
    </svg>
  );
}
