import type { ProcessDefinition, CompiledForm } from "@baton/model";

/**
 * The shapes of the API contract (packages/api/API.md) the studio reads.
 * Spelled out here so components depend on the contract, not on how the
 * router is written; `trpc-client.ts` checks the router against them.
 */
export type Role = "admin" | "analyst" | "participant";

export type Me = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  groups: { key: string; name: string }[];
};

export type ProcessSummary = {
  key: string;
  name: string;
  description?: string | null;
  draft: { version: number; updatedAt: string; updatedBy: string | null } | null;
  published: { version: number; publishedAt: string; publishedBy: string | null } | null;
  problemCount: number;
};

export type DraftView = {
  key: string;
  version: number;
  definition: ProcessDefinition;
  updatedAt: string;
  updatedBy: string | null;
};

export type VersionSummary = {
  version: number;
  hash: string;
  publishedAt: string;
  publishedBy: string | null;
};

export type VersionView = VersionSummary & {
  definition: ProcessDefinition;
  forms: Record<string, CompiledForm>;
};

export type PublishResult = { version: number; hash: string; created: boolean };

export type Directory = {
  users: { username: string; displayName: string }[];
  groups: { key: string; name: string }[];
};
