import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Problem } from "@baton/model";
import { readBatonError } from "../api/baton-error.ts";
import { queryKeys } from "../api/query-keys.ts";
import { api } from "../api/trpc-client.ts";
import type { PublishResult } from "../api/studio-types.ts";

type Handlers = {
  onPublished: (result: PublishResult) => void;
  /** The server refused: the draft has errors. */
  onRefused: (problems: Problem[]) => void;
};

/**
 * Publishes the saved draft. Success or refusal both refresh what the page
 * shows (versions, the list's badges); any other failure stays on the
 * mutation for the dialog to show.
 */
export function usePublish(key: string, handlers: Handlers) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sealed: { label?: string; releaseNote?: string } = {}) => api.publish(key, sealed),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.process(key) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.processes });
      handlers.onPublished(result);
    },
    onError: (error) => {
      const e = readBatonError(error);
      if (e.code === "INVALID_PROCESS") handlers.onRefused(e.problems ?? []);
    },
  });
}
