import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import type { Me } from "../api/studio-types.ts";
import { ToastProvider } from "../ui/Toaster.tsx";
import type { AdminApi, AdminUser } from "./admin-api.ts";
import { AdminApiContext } from "./admin-api-context.ts";

/**
 * For admin console component tests: the calls a test expects, answered by
 * the test; any other call fails the test loudly (so a screen cannot
 * silently call something it should not). The server side of each call is
 * tested in @baton/runtime and @baton/api.
 */
export function adminApiWith(calls: Partial<AdminApi>): AdminApi {
  return new Proxy(calls as AdminApi, {
    get(target, name: string) {
      if (name in target) return target[name as keyof AdminApi];
      return () => Promise.reject(new Error(`unexpected call admin.${name}`));
    },
  });
}

/** Renders an admin screen at `path` with its API, a fresh query cache and toasts. */
export function renderAdmin(ui: ReactElement, api: AdminApi, path = "/admin") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <AdminApiContext.Provider value={api}>{ui}</AdminApiContext.Provider>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

/** What the tRPC client throws for a server refusal (`readBatonError` reads it). */
export function serverError(code: string, message: string, fieldErrors?: { path: string; message: string }[]): Error {
  return Object.assign(new Error(message), { data: { code, baton: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } } });
}

export const adminMe: Me = { id: "u-admin", username: "admin", displayName: "Ada Admin", role: "admin", groups: [] };

export const user = (over: Partial<AdminUser> & { username: string }): AdminUser => ({
  displayName: over.username,
  email: null,
  role: "participant",
  disabled: false,
  groups: [],
  createdAt: "2026-12-01T09:00:00.000Z",
  ...over,
});
