import { queryOptions, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { queryKeys } from "../api/query-keys.ts";
import { api } from "../api/trpc-client.ts";

/** Users and groups change rarely: kept for five minutes. */
export const directoryQuery = queryOptions({ queryKey: queryKeys.directory, queryFn: api.directory, staleTime: 5 * 60_000 });

/**
 * Users and groups, to show display names instead of keys. Optional: when
 * it fails to load, screens fall back to the user names and group keys.
 */
export function useDirectory() {
  const directory = useQuery(directoryQuery);
  const data = directory.data;
  const personName = useCallback(
    (username: string | null) => {
      if (!username) return "someone";
      return data?.users.find((u) => u.username === username)?.displayName ?? username;
    },
    [data],
  );
  return { directory: data, personName };
}
