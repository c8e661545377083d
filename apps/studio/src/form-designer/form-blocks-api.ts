import type { FormBlock, FormBlockDocument } from "@baton/model";
import { client } from "../api/trpc-client.ts";

/** The `formBlocks.*` calls: the shared library of reusable groups of fields. */
export type FormBlockView = {
  key: string;
  version: number;
  name: string;
  description: string;
  block: FormBlockDocument;
  createdAt: string;
  createdBy: string | null;
};
export type FormBlockUse = { stepId: string; sectionId: string; version: number };
export type FormBlockUsage = {
  drafts: { processKey: string; name: string; draftVersion: number; uses: FormBlockUse[] }[];
  published: { processKey: string; name: string; version: number; uses: FormBlockUse[] }[];
};

export const formBlocksApi = {
  list: (): Promise<FormBlockView[]> => client.formBlocks.list.query(),
  usage: (key: string): Promise<FormBlockUsage> => client.formBlocks.usage.query({ key }),
  save: (request: { key: string; name: string; description: string; blocks: FormBlock[]; expectedVersion: number | null }): Promise<{ key: string; version: number; createdAt: string }> =>
    client.formBlocks.save.mutate(request),
  /** Brings one section of a saved draft (at `draftVersion`) to the block's latest version; answers the draft's new version. */
  follow: (request: { processKey: string; draftVersion: number; stepId: string; sectionId: string }): Promise<{ draftVersion: number; blockVersion: number }> =>
    client.formBlocks.follow.mutate(request),
};

export const formBlockQueryKeys = {
  list: ["studio", "formBlocks", "list"] as const,
  usage: (key: string) => ["studio", "formBlocks", "usage", key] as const,
};
