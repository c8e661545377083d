import { Link } from "react-router";
import { StatusBadge } from "../components/StatusBadge.tsx";
import type { CallLink } from "../lib/api-types.ts";
import { formatDateTime } from "../lib/format-date.ts";

/**
 * Where a request's work went: the request whose step started this one,
 * and the requests this one's steps started (another process run as a
 * part of it), each a link with its status. Shows only what the reader
 * may open; nothing at all for a request that calls and is called by none.
 */
export function CallLinksSection({ parent, children }: { parent: CallLink | null; children: CallLink[] }) {
  if (!parent && children.length === 0) return null;
  return (
    <section className="card section" aria-label="Connected requests">
      <h2 className="section-title">Connected requests</h2>
      {parent ? (
        <p className="request-called-by">
          Started as a part of <Link to={`/requests/${parent.instanceId}`}>{parent.title}</Link>
          {parent.stepName ? `, at “${parent.stepName}”` : ""}.
        </p>
      ) : null}
      {children.length > 0 ? (
        <>
          <p className="muted">Parts of this request run as requests of their own:</p>
          <ul className="request-list">
            {children.map((c) => (
              <li key={c.instanceId} className="request-row">
                <Link to={`/requests/${c.instanceId}`} className="request-main request-link">
                  <span className="request-title">{c.title}</span>
                  <span className="request-meta">
                    {c.processName}
                    {c.stepName ? ` · for “${c.stepName}”` : ""}
                  </span>
                </Link>
                <span className="request-dates">
                  Started <time dateTime={c.startedAt}>{formatDateTime(c.startedAt)}</time>
                </span>
                <StatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
