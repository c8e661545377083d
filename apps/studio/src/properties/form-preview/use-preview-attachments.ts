import type { AttachmentService } from "@baton/forms/react";
import { useEffect, useMemo } from "react";

/**
 * Attachment fields in a preview: a picked file stays in this browser tab
 * (an object URL, so its link opens it) and is never uploaded, as nothing
 * typed in a preview is saved. The links are released when the preview
 * closes.
 */
export function usePreviewAttachments(): AttachmentService {
  const { service, release } = useMemo(() => {
    const urls = new Map<string, string>();
    const service: AttachmentService = {
      upload: async (file) => {
        const id = crypto.randomUUID();
        urls.set(id, URL.createObjectURL(file));
        return { id, name: file.name, size: file.size, contentType: file.type || "application/octet-stream" };
      },
      href: (file) => urls.get(file.id),
    };
    return { service, release: () => urls.forEach((url) => URL.revokeObjectURL(url)) };
  }, []);
  useEffect(() => release, [release]);
  return service;
}
