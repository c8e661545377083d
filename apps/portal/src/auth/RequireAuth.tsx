import { Navigate, Outlet, useLocation } from "react-router";
import { FullPageLoading } from "../components/Loading.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { useMe } from "./use-me.ts";

/** Routes behind sign-in: the signed-out are sent to /signin?next=<where they were going>. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoading label="Loading Baton…" />;
  if (me.isError && me.data === undefined) {
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const query = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/signin${query}`} replace />;
  }
  return <Outlet />;
}
