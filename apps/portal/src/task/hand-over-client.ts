import type { Directory, TaskSummary } from "../lib/api-types.ts";
import { trpc } from "../lib/trpc.ts";

export type HandOverTarget = { user: string } | { group: string };

/**
 * What the hand-over dialog asks of the server (`portal.directory` and
 * `portal.reassign` in API.md), as two calls, so the dialog can be rendered
 * against any implementation of them: the portal's tRPC client here, an
 * in-memory one in component tests.
 */
export type HandOverClient = {
  directory: () => Promise<Directory>;
  reassign: (input: { taskId: string; to: HandOverTarget; note: string | null }) => Promise<TaskSummary>;
};

export const trpcHandOver: HandOverClient = {
  directory: () => trpc.portal.directory.query(),
  reassign: (input) => trpc.portal.reassign.mutate(input),
};
