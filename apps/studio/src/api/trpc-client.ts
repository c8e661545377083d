import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "@baton/api";
import type { Problem, ProcessDefinition } from "@baton/model";
import type {
  Directory,
  DraftView,
  Me,
  ProcessSummary,
  PublishResult,
  VersionSummary,
  VersionView,
} from "./studio-types.ts";

/** Same origin as the page: the server serves the studio and /trpc together,
 * and the session cookie is httpOnly, so the browser attaches it for us.
 * The studio's one client: feature folders (blocks, bpmn) call through it. */
export const client = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/trpc",
      fetch: (url, opts) => fetch(url, { ...(opts as RequestInit), credentials: "same-origin" }),
    }),
  ],
});

/**
 * Every call the studio makes, typed with the contract's shapes. The explicit
 * return types make the compiler compare the router against API.md.
 */
export const api = {
  me: (): Promise<Me | null> => client.auth.me.query(),
  login: (username: string, password: string): Promise<Me> =>
    client.auth.login.mutate({ username, password }),
  logout: (): Promise<{ ok: true }> => client.auth.logout.mutate(),

  processes: (): Promise<ProcessSummary[]> => client.studio.processes.query(),
  draft: (key: string): Promise<DraftView> => client.studio.draft.query({ key }),
  versions: (key: string): Promise<VersionSummary[]> => client.studio.versions.query({ key }),
  version: (key: string, version: number): Promise<VersionView> =>
    client.studio.version.query({ key, version }),
  directory: (): Promise<Directory> => client.studio.directory.query(),
  saveDraft: (key: string, expectedVersion: number | null, definition: ProcessDefinition): Promise<{ version: number; updatedAt: string }> =>
    client.studio.saveDraft.mutate({ key, expectedVersion, definition }),
  validate: (definition: ProcessDefinition): Promise<{ problems: Problem[] }> =>
    client.studio.validate.mutate({ definition }),
  publish: (key: string, sealed: { label?: string; releaseNote?: string } = {}): Promise<PublishResult> => client.studio.publish.mutate({ key, ...sealed }),
};
