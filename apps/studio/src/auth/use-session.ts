import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/trpc-client.ts";
import { queryKeys } from "../api/query-keys.ts";

/** Who is signed in (`null` when nobody is). */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.me, staleTime: 60_000 });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => api.login(username, password),
    onSuccess: (me) => {
      // Another user's cached data must not show for this one.
      queryClient.removeQueries({ queryKey: ["studio"] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      queryClient.removeQueries({ queryKey: ["studio"] });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
