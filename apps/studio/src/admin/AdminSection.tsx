import { useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import { Link, Navigate, NavLink, Route, Routes } from "react-router";
import type { Me } from "../api/studio-types.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { adminQueryKeys } from "./admin-api.ts";
import { useAdminApi } from "./admin-api-context.ts";
import { AdminProcessPage } from "./processes/AdminProcessPage.tsx";
import { AdminProcessesPage } from "./processes/AdminProcessesPage.tsx";
import { IncidentsPage } from "./incidents/IncidentsPage.tsx";
import { PeoplePage } from "./people/PeoplePage.tsx";
import "./admin.css";

/**
 * `/admin/*`: the admin console. Only admins get in (the API refuses
 * everyone else too); others are told why instead of seeing empty screens.
 */
export function AdminSection({ me }: { me: Me }) {
  if (me.role !== "admin") {
    return (
      <main className="page">
        <div className="panel">
          <EmptyState icon={<ShieldAlert size={28} />} title="The admin console is for admins">
            <p>You are signed in as an analyst. Ask a Baton admin if you need users, versions or incidents changed.</p>
            <p>
              <Link to="/">Back to the processes</Link>
            </p>
          </EmptyState>
        </div>
      </main>
    );
  }
  return (
    <main className="page admin-page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Admin console</h1>
          <p className="page-lead">Versions and running work, people and groups, and what needs your attention.</p>
        </div>
      </div>
      <AdminTabs />
      <Routes>
        <Route index element={<Navigate to="processes" replace />} />
        <Route path="processes" element={<AdminProcessesPage />} />
        <Route path="processes/:key/*" element={<AdminProcessPage />} />
        <Route path="people" element={<PeoplePage me={me} />} />
        <Route path="incidents" element={<IncidentsPage />} />
        <Route path="*" element={<Navigate to="processes" replace />} />
      </Routes>
    </main>
  );
}

function AdminTabs() {
  const api = useAdminApi();
  // The count is a hint in the tab; the incidents page loads its own list.
  const incidents = useQuery({ queryKey: adminQueryKeys.incidents, queryFn: api.incidents });
  const open = incidents.data?.length ?? 0;
  return (
    <nav className="admin-tabs" aria-label="Admin console">
      <NavLink to="/admin/processes" className="admin-tab">
        Processes and versions
      </NavLink>
      <NavLink to="/admin/people" className="admin-tab">
        Users and groups
      </NavLink>
      <NavLink to="/admin/incidents" className="admin-tab">
        Incidents
        {open > 0 && (
          <span className="count-badge is-error" aria-label={`${open} open`}>
            {open}
          </span>
        )}
      </NavLink>
    </nav>
  );
}
