import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./api/query-client.ts";
import { App } from "./App.tsx";
import { ErrorBoundary } from "./ui/ErrorBoundary.tsx";
import { ToastProvider } from "./ui/Toaster.tsx";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/app.css";
import "./styles/panels.css";
import "./styles/designer.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element for the studio to render into.");

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={createQueryClient()}>
        <ToastProvider>
          <App />
        </ToastProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
