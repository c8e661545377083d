import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { createQueryClient, refetchWhenWindowRegainsFocus } from "./lib/query-client.ts";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/components.css";
import "./styles/notifications.css";

const root = document.getElementById("root");
if (!root) throw new Error('index.html has no element with id "root" to render the portal into');

refetchWhenWindowRegainsFocus();
const queryClient = createQueryClient();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
