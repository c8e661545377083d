import { lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Link, Route, Routes, useLocation } from "react-router";
import { AuthGate } from "./auth/AuthGate.tsx";
import { AppShell } from "./layout/AppShell.tsx";
import { ProcessListPage } from "./processes/ProcessListPage.tsx";
import { EmptyState } from "./ui/EmptyState.tsx";
import { ErrorBoundary } from "./ui/ErrorBoundary.tsx";
import { Spinner } from "./ui/Spinner.tsx";

// The process page brings React Flow and the validator: load it when opened.
const ProcessPage = lazy(() => import("./process/ProcessPage.tsx").then((m) => ({ default: m.ProcessPage })));
// The admin console is for a few people: its own chunk too.
const AdminSection = lazy(() => import("./admin/AdminSection.tsx").then((m) => ({ default: m.AdminSection })));

/** Routes under /studio; only a signed-in analyst or admin gets past the gate. */
export function App() {
  return (
    <BrowserRouter basename="/studio">
      <AuthGate>
        {(me) => (
          <AppShell me={me}>
            <ScreenBoundary>
              <Routes>
                <Route path="/" element={<ProcessListPage />} />
                <Route
                  path="/processes/:key"
                  element={
                    <Suspense
                      fallback={
                        <div className="page-center">
                          <Spinner label="Opening the process…" />
                        </div>
                      }
                    >
                      <ProcessPage />
                    </Suspense>
                  }
                />
                <Route
                  path="/admin/*"
                  element={
                    <Suspense
                      fallback={
                        <div className="page-center">
                          <Spinner label="Opening the admin console…" />
                        </div>
                      }
                    >
                      <AdminSection me={me} />
                    </Suspense>
                  }
                />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </ScreenBoundary>
          </AppShell>
        )}
      </AuthGate>
    </BrowserRouter>
  );
}

/** A crash on one screen is forgotten when the analyst moves to another. */
function ScreenBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <ErrorBoundary key={location.pathname}>{children}</ErrorBoundary>;
}

function NotFound() {
  return (
    <main className="page">
      <div className="panel">
        <EmptyState title="There is nothing at this address">
          <Link to="/">Go to the processes</Link>
        </EmptyState>
      </div>
    </main>
  );
}
