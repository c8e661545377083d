import type { Toast } from "../components/Toasts.tsx";
import type { CompleteResult } from "../lib/api-types.ts";

/** "Task completed", what became of the process, and links to the next tasks the participant can see. */
export function completionToast(result: CompleteResult): Toast {
  const links = result.next.map((t) => ({
    to: `/tasks/${encodeURIComponent(t.id)}`,
    label: `Next: ${t.name} — ${t.instanceTitle}`,
  }));
  const detail =
    result.instanceStatus === "completed"
      ? "The process is finished."
      : result.instanceStatus === "incident"
        ? "The process is waiting for an administrator to fix a problem."
        : links.length === 0
          ? "The next step is with someone else."
          : undefined;
  return { tone: "success", message: "Task completed", detail, links };
}
