import { AlertTriangle, CheckCircle2, ChevronDown, ChevronUp, XCircle } from "lucide-react";
import { useId, useMemo, useState, type ReactNode } from "react";
import type { ProcessDefinition, Problem } from "@baton/model";
import { problemTarget, sameSelection, type Selection } from "../process/selection.ts";
import { countProblems, groupProblems } from "./group-problems.ts";

type Props = {
  problems: readonly Problem[];
  definition: ProcessDefinition;
  /** Where the list comes from, in a few words ("Checked as you look", "Server check at 10:32"). */
  source: ReactNode;
  selection: Selection;
  onSelectProblem: (problem: Problem) => void;
};

/**
 * Everything `validate` found, grouped by step or connection. Each problem
 * is a button: choosing it selects its element on the canvas.
 */
export function ProblemsPanel({ problems, definition, source, selection, onSelectProblem }: Props) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const groups = useMemo(() => groupProblems(problems, definition), [problems, definition]);
  const { errors, warnings } = countProblems(problems);

  return (
    <section className={`problems-panel ${open ? "is-open" : ""}`} aria-label="Problems">
      <header className="problems-header">
        <button
          type="button"
          className="problems-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <ChevronDown size={16} aria-hidden="true" /> : <ChevronUp size={16} aria-hidden="true" />}
          <span className="problems-title">Problems</span>
          <span className={`count-badge ${errors ? "is-error" : ""}`} aria-label={`${errors} errors`}>
            <XCircle size={13} aria-hidden="true" /> {errors}
          </span>
          <span className={`count-badge ${warnings ? "is-warning" : ""}`} aria-label={`${warnings} warnings`}>
            <AlertTriangle size={13} aria-hidden="true" /> {warnings}
          </span>
        </button>
        <span className="problems-source">{source}</span>
      </header>
      {open && (
        <div id={bodyId} className="problems-body">
          {problems.length === 0 ? (
            <p className="problems-empty">
              <CheckCircle2 size={16} aria-hidden="true" /> No problems found.
            </p>
          ) : (
            <>
            {errors === 0 && <p className="problems-note">Only warnings: they do not block publishing.</p>}
            <ul className="problem-groups">
              {groups.map((group) => (
                <li key={group.target ? `${group.target.type}:${group.target.id}` : "process"} className="problem-group">
                  <div className="problem-group-label">{group.label}</div>
                  <ul className="problem-list">
                    {group.problems.map((problem, i) => (
                      <li key={`${problem.code}-${i}`}>
                        <button
                          type="button"
                          className={`problem-item ${sameSelection(problemTarget(problem), selection) && selection ? "is-current" : ""}`}
                          onClick={() => onSelectProblem(problem)}
                        >
                          {problem.severity === "error" ? (
                            <XCircle size={15} className="severity-error" aria-label="Error" />
                          ) : (
                            <AlertTriangle size={15} className="severity-warning" aria-label="Warning" />
                          )}
                          <span className="problem-message">{problem.message}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
