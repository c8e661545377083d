import { focusManager, MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { batonError } from "./baton-error.ts";

export const ME_KEY = ["auth", "me"] as const;

/**
 * Query defaults for the portal. A Baton error (the server answered "no")
 * is not retried; a network hiccup is, twice. Any UNAUTHENTICATED answer
 * (the session expired) clears the signed-in user, which sends the
 * participant to the sign-in page and back to where they were afterwards.
 */
export function createQueryClient(): QueryClient {
  const signedOut = (error: unknown) => {
    if (batonError(error)?.code === "UNAUTHENTICATED") client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: signedOut }),
    mutationCache: new MutationCache({ onError: signedOut }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => batonError(error) === null && failures < 2,
        staleTime: 10_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * react-query refetches on `visibilitychange` only; participants switch
 * between windows side by side all day, so a window regaining focus counts too.
 */
export function refetchWhenWindowRegainsFocus(): void {
  focusManager.setEventListener((setFocused) => {
    const onVisibility = () => setFocused(document.visibilityState === "visible");
    const onFocus = () => setFocused(true);
    const onBlur = () => setFocused(false);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("focus", onFocus);
    window.addEventListener("blur", onBlur);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("focus", onFocus);
      window.removeEventListener("blur", onBlur);
    };
  });
}
