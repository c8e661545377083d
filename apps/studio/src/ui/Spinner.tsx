/** A loading indicator with words for screen readers (and for everyone, when given). */
export function Spinner({ label = "Loading…", showLabel = true }: { label?: string; showLabel?: boolean }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {showLabel ? <span>{label}</span> : <span className="visually-hidden">{label}</span>}
    </div>
  );
}
