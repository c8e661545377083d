import { useQuery } from "@tanstack/react-query";
import type { Me } from "../lib/api-types.ts";
import { ME_KEY } from "../lib/query-client.ts";
import { trpc } from "../lib/trpc.ts";

/** The signed-in user: undefined while loading, null when signed out. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: () => trpc.auth.me.query(),
    staleTime: 5 * 60_000,
  });
}
