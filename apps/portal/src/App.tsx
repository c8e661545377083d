import { lazy } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { RequireAuth } from "./auth/RequireAuth.tsx";
import { AppLayout } from "./components/AppLayout.tsx";
import { ErrorBoundary } from "./components/ErrorBoundary.tsx";
import { ToastProvider } from "./components/Toasts.tsx";
import { InboxPage } from "./pages/InboxPage.tsx";
import { MyRequestsPage } from "./pages/MyRequestsPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { RequestPage } from "./pages/RequestPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { StartListPage } from "./pages/StartListPage.tsx";

// The pages with forms carry rjsf and ajv (most of the bundle): loaded when
// first opened, so sign-in and the inbox come up fast.
const StartProcessPage = lazy(() => import("./pages/StartProcessPage.tsx").then((m) => ({ default: m.StartProcessPage })));
const TaskPage = lazy(() => import("./task/TaskPage.tsx").then((m) => ({ default: m.TaskPage })));

/** The portal's pages. Everything but sign-in needs a signed-in user. */
export function App() {
  return (
    <ErrorBoundary>
      <BrowserRouter basename="/portal">
        <ToastProvider>
          <Routes>
            <Route path="/signin" element={<SignInPage />} />
            <Route element={<RequireAuth />}>
              <Route element={<AppLayout />}>
                <Route index element={<InboxPage />} />
                <Route path="start" element={<StartListPage />} />
                <Route path="start/:processKey" element={<StartProcessPage />} />
                <Route path="tasks/:taskId" element={<TaskPage />} />
                <Route path="requests" element={<MyRequestsPage />} />
                <Route path="requests/:instanceId" element={<RequestPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </ToastProvider>
      </BrowserRouter>
    </ErrorBoundary>
  );
}
