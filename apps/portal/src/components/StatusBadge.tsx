const LABELS: Record<string, { label: string; tone: string }> = {
  running: { label: "In progress", tone: "info" },
  completed: { label: "Completed", tone: "success" },
  incident: { label: "Needs attention", tone: "warning" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  open: { label: "Open", tone: "info" },
};

/** A process or task status as a coloured word; unknown statuses show as they are. */
export function StatusBadge({ status }: { status: string }) {
  const known = LABELS[status];
  const label = known?.label ?? status.charAt(0).toUpperCase() + status.slice(1);
  return <span className={`badge badge--${known?.tone ?? "neutral"}`}>{label}</span>;
}
