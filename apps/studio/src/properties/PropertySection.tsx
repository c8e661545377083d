import type { ReactNode } from "react";

/** A titled block of read-only properties. */
export function PropertySection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="prop-section">
      <h3 className="prop-section-title">{title}</h3>
      {children}
    </section>
  );
}

/** One "label: value" line. */
export function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="prop-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
