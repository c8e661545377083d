import { useQueryClient } from "@tanstack/react-query";
import { CirclePlay, Inbox, ListChecks, LogOut } from "lucide-react";
import { Suspense, useState } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useMe } from "../auth/use-me.ts";
import { ME_KEY } from "../lib/query-client.ts";
import { trpc } from "../lib/trpc.ts";
import { NotificationBell } from "../notifications/NotificationBell.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { FullPageLoading } from "./Loading.tsx";
import { useToast } from "./Toasts.tsx";

const NAV = [
  { to: "/", label: "Inbox", icon: Inbox, end: true },
  { to: "/start", label: "Start a process", icon: CirclePlay, end: false },
  { to: "/requests", label: "My requests", icon: ListChecks, end: false },
];

/** Header (product, navigation, who is signed in, sign out) around every signed-in page. */
export function AppLayout() {
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await trpc.auth.logout.mutate();
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate("/signin", { replace: true });
    } catch {
      toast({ tone: "error", message: "Signing out did not work. Please try again." });
      setSigningOut(false);
    }
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/" className="brand" aria-label="Baton, go to inbox">
            <span className="brand-mark" aria-hidden="true">B</span>
            <span className="brand-name">Baton</span>
          </NavLink>
          <nav className="app-nav" aria-label="Main">
            {NAV.map(({ to, label, icon: Icon, end }) => (
              <NavLink key={to} to={to} end={end} className="app-nav-link">
                <Icon size={17} aria-hidden="true" />
                <span>{label}</span>
              </NavLink>
            ))}
          </nav>
          <div className="app-user">
            <NotificationBell />
            <span className="app-user-name" title={me ? `Signed in as ${me.username}` : undefined}>
              {me?.displayName}
            </span>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => void signOut()} disabled={signingOut}>
              <LogOut size={16} aria-hidden="true" />
              <span>{signingOut ? "Signing out…" : "Sign out"}</span>
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<FullPageLoading label="Loading…" />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
