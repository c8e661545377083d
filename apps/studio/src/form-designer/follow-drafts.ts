import type { FormBlockUsage } from "./form-blocks-api.ts";

/** A draft that still uses an older version of a block, with the sections to bring forward. */
export type OutdatedDraft = { processKey: string; name: string; draftVersion: number; sections: { stepId: string; sectionId: string; version: number }[] };

/**
 * Drafts (other than the one open in this designer, which follows per
 * section with "Update to version N" on its own undo stack) that use a
 * version of the block older than `latest`.
 */
export function outdatedDrafts(usage: FormBlockUsage, latest: number, openProcessKey: string | undefined): OutdatedDraft[] {
  return usage.drafts
    .filter((d) => d.processKey !== openProcessKey)
    .map((d) => ({ processKey: d.processKey, name: d.name, draftVersion: d.draftVersion, sections: d.uses.filter((u) => u.version < latest) }))
    .filter((d) => d.sections.length > 0);
}

type Follow = (request: { processKey: string; draftVersion: number; stepId: string; sectionId: string }) => Promise<{ draftVersion: number }>;

/**
 * Brings every outdated section of one draft forward, one save per section
 * (each save answers the draft version the next one builds on). A draft
 * edited elsewhere in the meantime is refused by the server as stale and
 * left as it was from that section on; the message says so.
 */
export async function followDraft(draft: OutdatedDraft, follow: Follow): Promise<{ ok: true; sections: number } | { ok: false; message: string; sections: number }> {
  let draftVersion = draft.draftVersion;
  let done = 0;
  for (const section of draft.sections) {
    try {
      draftVersion = (await follow({ processKey: draft.processKey, draftVersion, stepId: section.stepId, sectionId: section.sectionId })).draftVersion;
      done += 1;
    } catch (error) {
      return { ok: false, message: (error as Error).message, sections: done };
    }
  }
  return { ok: true, sections: done };
}
