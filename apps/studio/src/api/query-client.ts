import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { readBatonError } from "./baton-error.ts";
import { queryKeys } from "./query-keys.ts";

/**
 * One query client for the app. When any call says the session is gone
 * (expired, signed out in another tab), forget the user: the auth gate then
 * shows the sign-in page instead of a broken screen.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (readBatonError(error).code === "UNAUTHENTICATED") {
      queryClient.setQueryData(queryKeys.me, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; a flaky network might.
        retry: (count, error) => {
          const code = readBatonError(error).code;
          return (code === "NETWORK" || code === "UNKNOWN") && count < 2;
        },
      },
    },
  });
  return queryClient;
}
