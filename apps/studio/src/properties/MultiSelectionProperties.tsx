import type { ReactNode } from "react";
import type { ElementSelection } from "../process/selection.ts";
import { useProperties } from "./properties-context.ts";
import { PropertySection } from "./PropertySection.tsx";

type Props = { selection: ElementSelection; extras?: ReactNode };

/** Several elements selected: what can be done with all of them at once. */
export function MultiSelectionProperties({ selection, extras }: Props) {
  const { actions, readOnly } = useProperties();
  const steps = selection.steps.length;
  const connections = selection.connections.length;
  const parts = [steps ? `${steps} step${steps === 1 ? "" : "s"}` : "", connections ? `${connections} connection${connections === 1 ? "" : "s"}` : ""].filter(Boolean);
  return (
    <>
      <div className="prop-heading">
        <div>
          <h2 className="prop-title">{parts.join(" and ")} selected</h2>
          <div className="prop-subtitle">Selection</div>
        </div>
      </div>
      {!readOnly && actions && (
        <PropertySection title="Arrange">
          <div className="button-grid">
            {(["left", "centre", "top", "middle"] as const).map((edge) => (
              <button key={edge} type="button" className="btn btn-sm" disabled={steps < 2} title={steps < 2 ? "Select two or more steps to align them" : undefined} onClick={() => actions.align(edge)}>
                Align {edge}
              </button>
            ))}
          </div>
          <div className="button-row">
            <button type="button" className="btn btn-sm" disabled={steps === 0} onClick={() => actions.duplicate()}>
              Duplicate
            </button>
            <button type="button" className="btn btn-sm btn-danger" onClick={() => actions.deleteSelected()}>
              Delete
            </button>
          </div>
          {extras}
        </PropertySection>
      )}
    </>
  );
}
