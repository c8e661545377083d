import { LoaderCircle } from "lucide-react";

export function Spinner({ size = 18 }: { size?: number }) {
  return <LoaderCircle className="spin" size={size} aria-hidden="true" />;
}

/** A centred spinner with a label screen readers announce. */
export function FullPageLoading({ label }: { label: string }) {
  return (
    <div className="full-page-center" role="status">
      <Spinner size={24} />
      <span className="muted">{label}</span>
    </div>
  );
}

/** Grey placeholder rows while a list loads, so the layout does not jump. */
export function SkeletonRows({ rows = 3, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="skeleton-list">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row">
          <div className="skeleton-line skeleton-line--wide" />
          <div className="skeleton-line" />
        </div>
      ))}
    </div>
  );
}
