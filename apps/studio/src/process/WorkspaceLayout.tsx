import { useId, useState, type ReactNode } from "react";

type Props = {
  toolbar: ReactNode;
  /** The palette on the left (drafts only). */
  palette?: ReactNode;
  /** Tools shown above the diagram (the edit toolbar). */
  diagramTools?: ReactNode;
  diagram: ReactNode;
  /** The BPMN 2.0 view of the same process, when available. */
  bpmn?: ReactNode;
  problems: ReactNode;
  properties: ReactNode;
};

/**
 * The process page's frame: toolbar on top; palette, canvas (with its
 * Diagram / BPMN tabs) and properties side by side; problems under the
 * canvas. Only the chosen tab is rendered, so the BPMN view (bpmn-js,
 * large) loads when it is first opened.
 */
export function WorkspaceLayout({ toolbar, palette, diagramTools, diagram, bpmn, problems, properties }: Props) {
  const [tab, setTab] = useState<"diagram" | "bpmn">("diagram");
  const id = useId();
  const tabs: ["diagram" | "bpmn", string][] = [["diagram", "Diagram"], ...(bpmn ? [["bpmn", "BPMN"] as ["bpmn", string]] : [])];
  return (
    <div className="workspace">
      {toolbar}
      <div className={`workspace-body ${palette ? "has-palette" : ""}`}>
        {palette && (
          // Steps are added on the diagram; on the BPMN tab the palette rests.
          <div className="workspace-palette" inert={tab !== "diagram"} title={tab !== "diagram" ? "Switch to the diagram to add steps" : undefined}>
            {palette}
          </div>
        )}
        <div className="workspace-center">
          <div className="workspace-center-bar">
            <div className="view-tabs" role="tablist" aria-label="View">
              {tabs.map(([key, label]) => (
                <button
                  key={key}
                  type="button"
                  role="tab"
                  id={`${id}-${key}`}
                  aria-selected={tab === key}
                  aria-controls={`${id}-panel`}
                  className={`view-tab ${tab === key ? "is-active" : ""}`}
                  onClick={() => setTab(key)}
                >
                  {label}
                </button>
              ))}
            </div>
            {tab === "diagram" && diagramTools}
          </div>
          <div className="workspace-canvas" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
            {tab === "bpmn" && bpmn ? bpmn : diagram}
          </div>
        </div>
        <div className="workspace-problems">{problems}</div>
        <div className="workspace-properties">{properties}</div>
      </div>
    </div>
  );
}
