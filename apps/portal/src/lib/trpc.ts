import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "@baton/api";

/**
 * The one tRPC client of the portal. Same origin as the page: the server
 * serves the portal under /portal/ and tRPC under /trpc, and the session is
 * the httpOnly `baton_session` cookie.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/trpc",
      fetch: (url, opts) => fetch(url, { ...opts, credentials: "same-origin" }),
    }),
  ],
});
