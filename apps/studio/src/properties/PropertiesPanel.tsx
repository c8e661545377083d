import type { ProcessDefinition, Problem } from "@baton/model";
import { AlertTriangle, X, XCircle } from "lucide-react";
import type { Directory } from "../api/studio-types.ts";
import { problemTarget, sameSelection, type Selection } from "../process/selection.ts";
import { ConnectionProperties } from "./ConnectionProperties.tsx";
import { ProcessSummary } from "./ProcessSummary.tsx";
import { StepProperties } from "./StepProperties.tsx";

type Props = {
  definition: ProcessDefinition;
  selection: Selection;
  problems: readonly Problem[];
  directory?: Directory;
  onSelect: (selection: Selection) => void;
};

/** The right-hand panel: the selected step or connection, else the process. */
export function PropertiesPanel({ definition, selection, problems, directory, onSelect }: Props) {
  const step = selection?.type === "step" ? definition.steps.find((s) => s.id === selection.id) : undefined;
  const connection =
    selection?.type === "connection" ? definition.connections.find((c) => c.id === selection.id) : undefined;
  const own = selection ? problems.filter((p) => sameSelection(problemTarget(p), selection)) : [];

  return (
    <aside className="properties-panel" aria-label="Properties">
      {selection && (step || connection) && (
        <button type="button" className="icon-button prop-close" aria-label="Clear selection" onClick={() => onSelect(null)}>
          <X size={16} />
        </button>
      )}
      {own.length > 0 && (
        <ul className="prop-problems">
          {own.map((p, i) => (
            <li key={`${p.code}-${i}`} className={`prop-problem is-${p.severity}`}>
              {p.severity === "error" ? (
                <XCircle size={14} aria-label="Error" />
              ) : (
                <AlertTriangle size={14} aria-label="Warning" />
              )}
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
      {step ? (
        <StepProperties step={step} definition={definition} directory={directory} onSelect={onSelect} />
      ) : connection ? (
        <ConnectionProperties connection={connection} definition={definition} onSelect={onSelect} />
      ) : (
        <ProcessSummary definition={definition} onSelect={onSelect} />
      )}
    </aside>
  );
}
