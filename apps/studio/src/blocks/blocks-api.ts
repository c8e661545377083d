import { client } from "../api/trpc-client.ts";
import type { Block, Step, Connection } from "@baton/model";

/**
 * The `blocks.*` calls of the API contract (packages/api/API.md, "blocks"),
 * spelled out so the components depend on the contract; the explicit return
 * types make the compiler compare the router against it.
 */
export type BlockVersionView = {
  key: string;
  version: number;
  name: string;
  description: string;
  block: Block;
  createdAt: string;
  createdBy: string | null;
};

/** A block's latest version, with how many process drafts use it. */
export type BlockListing = BlockVersionView & { usedBy: number };

export type BlockUsage = {
  drafts: { processKey: string; name: string; blockVersions: number[] }[];
  published: { processKey: string; name: string; version: number; blockVersions: number[] }[];
};

export type SaveBlockRequest = {
  key: string;
  name: string;
  description: string;
  steps: Step[];
  connections: Connection[];
  /** The latest version the analyst saw; `null` for a new key. */
  expectedVersion: number | null;
};

export type SavedBlock = { key: string; version: number; createdAt: string };

export type BlocksApi = {
  list: () => Promise<BlockListing[]>;
  get: (key: string, version?: number) => Promise<BlockVersionView>;
  save: (request: SaveBlockRequest) => Promise<SavedBlock>;
  usage: (key: string) => Promise<BlockUsage>;
};

export const blocksApi: BlocksApi = {
  list: (): Promise<BlockListing[]> => client.blocks.list.query(),
  get: (key: string, version?: number): Promise<BlockVersionView> =>
    client.blocks.get.query(version === undefined ? { key } : { key, version }),
  save: (request: SaveBlockRequest): Promise<SavedBlock> => client.blocks.save.mutate(request),
  usage: (key: string): Promise<BlockUsage> => client.blocks.usage.query({ key }),
};

/** Cache keys of the block library, under the studio's prefix. */
export const blockQueryKeys = {
  all: ["studio", "blocks"] as const,
  list: ["studio", "blocks", "list"] as const,
  usage: (key: string) => ["studio", "blocks", "usage", key] as const,
};
