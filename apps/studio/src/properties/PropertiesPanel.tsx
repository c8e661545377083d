import type { ProcessDefinition, Problem } from "@baton/model";
import { AlertTriangle, X, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import type { Directory } from "../api/studio-types.ts";
import type { DesignerActions } from "../designer/designer-actions.ts";
import { problemTarget, sameSelection, selectionSize, singleSelected, type ElementSelection, type Selection } from "../process/selection.ts";
import { ConnectionProperties } from "./ConnectionProperties.tsx";
import { MultiSelectionProperties } from "./MultiSelectionProperties.tsx";
import { ProcessSummary } from "./ProcessSummary.tsx";
import { PropertiesContext, type CallableProcess } from "./properties-context.ts";
import { StepProperties } from "./StepProperties.tsx";

type Props = {
  definition: ProcessDefinition;
  selection: ElementSelection;
  problems: readonly Problem[];
  directory?: Directory | undefined;
  onSelect: (selection: Selection) => void;
  /** How to change the draft; absent for a published version (read-only). */
  actions?: DesignerActions | undefined;
  /** The processes a call activity may run (the one being edited is left out). */
  processes?: readonly CallableProcess[];
  /** Extra tools for a multi-selection (e.g. "Save selection as block"). */
  selectionExtras?: ReactNode;
};

/** The right-hand panel: the selected step or connection, several selected, or the process. */
export function PropertiesPanel({ definition, selection, problems, directory, onSelect, actions, processes = [], selectionExtras }: Props) {
  const single = singleSelected(selection);
  const step = single?.type === "step" ? definition.steps.find((s) => s.id === single.id) : undefined;
  const connection = single?.type === "connection" ? definition.connections.find((c) => c.id === single.id) : undefined;
  const own = single ? problems.filter((p) => sameSelection(problemTarget(p), single)) : [];
  const several = selectionSize(selection) > 1;

  return (
    <PropertiesContext.Provider value={{ actions, directory, processes: processes.filter((p) => p.key !== definition.key), definition, problems }}>
      <aside className="properties-panel" aria-label="Properties">
        {(step || connection || several) && (
          <button type="button" className="icon-button prop-close" aria-label="Clear selection" onClick={() => onSelect(null)}>
            <X size={16} />
          </button>
        )}
        {own.length > 0 && (
          <ul className="prop-problems">
            {own.map((p, i) => (
              <li key={`${p.code}-${i}`} className={`prop-problem is-${p.severity}`}>
                {p.severity === "error" ? <XCircle size={14} aria-label="Error" /> : <AlertTriangle size={14} aria-label="Warning" />}
                <span>{p.message}</span>
              </li>
            ))}
          </ul>
        )}
        {step ? (
          <StepProperties key={step.id} step={step} definition={definition} onSelect={onSelect} />
        ) : connection ? (
          <ConnectionProperties key={connection.id} connection={connection} definition={definition} onSelect={onSelect} />
        ) : several ? (
          <MultiSelectionProperties selection={selection} extras={selectionExtras} />
        ) : (
          <ProcessSummary definition={definition} onSelect={onSelect} />
        )}
      </aside>
    </PropertiesContext.Provider>
  );
}
