import { ArrowRight, CircleCheck } from "lucide-react";
import { Link } from "react-router";
import { DueDate } from "../components/DueDate.tsx";
import type { Startable, StartResult } from "../lib/api-types.ts";

/** After a start: it worked, what happens next, and where to go from here. */
export function StartConfirmation({ process, result, onStartAnother }: {
  process: Startable;
  result: StartResult;
  onStartAnother: () => void;
}) {
  const mine = result.tasks;
  return (
    <div className="page page--narrow">
      <div className="card confirmation" role="status">
        <CircleCheck className="confirmation-icon" size={40} aria-hidden="true" />
        <h1 className="page-title">Request started</h1>
        <p className="muted">
          Your <strong>{process.name}</strong> request is on its way.
        </p>
        {mine.length > 0 ? (
          <div className="next-steps">
            <h2 className="section-title">What happens next</h2>
            <p className="muted small">{mine.length === 1 ? "The next step is for you or your team:" : "The next steps are for you or your team:"}</p>
            <ul className="next-list">
              {mine.map((t) => (
                <li key={t.id}>
                  <Link to={`/tasks/${encodeURIComponent(t.id)}`} className="next-link">
                    <span>
                      <span className="next-name">{t.name}</span>
                      <span className="next-meta">
                        {t.instanceTitle}
                        {t.assignee ? "" : t.candidateGroup ? ` · for ${t.candidateGroup.name}` : ""}
                      </span>
                    </span>
                    <DueDate dueAt={t.dueAt} />
                    <ArrowRight size={16} aria-hidden="true" />
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>The next step is with another person or team. You can follow its progress in My requests.</p>
        )}
        <div className="button-row button-row--center">
          <Link to="/requests" className="btn btn-secondary">
            Go to my requests
          </Link>
          <Link to="/" className="btn btn-secondary">
            Back to inbox
          </Link>
          <button type="button" className="btn btn-ghost" onClick={onStartAnother}>
            Start another
          </button>
        </div>
      </div>
    </div>
  );
}
