import { ExternalLink, LogOut } from "lucide-react";
import type { ReactNode } from "react";
import { Link, NavLink, useMatch } from "react-router";
import type { Me } from "../api/studio-types.ts";
import { useSignOut } from "../auth/use-session.ts";
import { BrandMark } from "./BrandMark.tsx";

const roleNames = { admin: "Admin", analyst: "Analyst", participant: "Participant" } as const;

/** The frame around every screen: header with who is signed in. */
export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const signOut = useSignOut();
  // The designer (`/processes/:key`) belongs to "Processes" in the nav.
  const inDesigner = useMatch("/processes/*") !== null;
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="app-brand">
          <BrandMark />
          <span>Baton Studio</span>
        </Link>
        <nav className="app-nav" aria-label="Studio">
          <NavLink to="/" className={({ isActive }) => `app-nav-link${isActive || inDesigner ? " active" : ""}`} end>
            Processes
          </NavLink>
          {me.role === "admin" && (
            <NavLink to="/admin" className="app-nav-link">
              Admin
            </NavLink>
          )}
        </nav>
        <div className="app-header-end">
          <a className="app-header-link" href="/portal/">
            Portal <ExternalLink size={14} aria-hidden="true" />
          </a>
          <span className="app-user">
            <span className="avatar" aria-hidden="true">
              {initials(me.displayName)}
            </span>
            <span className="app-user-name">{me.displayName}</span>
            <span className="app-user-role">{roleNames[me.role]}</span>
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            <LogOut size={16} aria-hidden="true" />
            <span>Sign out</span>
          </button>
        </div>
      </header>
      <div id="main" className="app-main" tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}
