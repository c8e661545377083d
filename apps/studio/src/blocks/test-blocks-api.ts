import { blockSchema, type Block } from "@baton/model";
import type { BlockListing, BlocksApi, BlockUsage, BlockVersionView, SaveBlockRequest } from "./blocks-api.ts";

/**
 * For component tests: a block library held in memory that keeps the
 * contract's rules (API.md, "blocks"): versions count up per key, a stale
 * or duplicate save is refused with CONFLICT in the shape the tRPC client
 * throws, and `list` gives the latest version of each key. The server side
 * of the same rules is tested in @baton/runtime and @baton/api.
 */
export type TestBlocksApi = BlocksApi & {
  /** Every save request, in order. */
  saves: SaveBlockRequest[];
  /** Makes the next call of `list` fail, as a server that cannot be reached would. */
  failNextList: () => void;
};

export function testBlocksApi(seed: { block: Block; versions?: number; usage?: BlockUsage }[] = []): TestBlocksApi {
  const stored: BlockVersionView[] = [];
  const usage = new Map<string, BlockUsage>();
  for (const { block, versions = 1, usage: used } of seed) {
    for (let version = 1; version <= versions; version++) stored.push(view(block, version));
    if (used) usage.set(block.key, used);
  }
  let failList = false;
  const latest = (key: string) => stored.filter((b) => b.key === key).sort((a, b) => b.version - a.version)[0];
  const api: TestBlocksApi = {
    saves: [],
    failNextList: () => void (failList = true),
    list: async () => {
      if (failList) {
        failList = false;
        throw new TypeError("Failed to fetch");
      }
      const keys = [...new Set(stored.map((b) => b.key))].sort();
      return keys.map((key): BlockListing => ({ ...latest(key)!, usedBy: usage.get(key)?.drafts.length ?? 0 }));
    },
    get: async (key, version) => {
      const found = version === undefined ? latest(key) : stored.find((b) => b.key === key && b.version === version);
      if (!found) throw batonError("NOT_FOUND", `Block "${key}" was not found.`);
      return found;
    },
    save: async (request) => {
      api.saves.push(request);
      const last = latest(request.key);
      if ((last?.version ?? null) !== request.expectedVersion) {
        throw batonError("CONFLICT", `Block "${request.key}" was saved elsewhere (now version ${last?.version ?? "none"}).`);
      }
      const { expectedVersion: _, ...content } = request;
      const saved = view(blockSchema.parse({ schemaVersion: 1, ...content }), (last?.version ?? 0) + 1);
      stored.push(saved);
      return { key: saved.key, version: saved.version, createdAt: saved.createdAt };
    },
    usage: async (key) => usage.get(key) ?? { drafts: [], published: [] },
  };
  return api;
}

function view(block: Block, version: number): BlockVersionView {
  return { key: block.key, version, name: block.name, description: block.description, block, createdAt: "2026-01-05T10:00:00.000Z", createdBy: "ana" };
}

/** What `readBatonError` finds on a TRPCClientError from the server. */
function batonError(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { code, baton: { code, message } } });
}
