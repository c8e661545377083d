import type { ProcessDefinition, Step } from "@baton/model";
import { Clock, Trash2, Zap } from "lucide-react";
import { boundariesOf } from "../../editor/boundary-factory.ts";
import type { Selection } from "../../process/selection.ts";
import { stepDisplayName } from "../describe-step.ts";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { describeBoundary } from "./boundary-words.ts";

type Props = { step: Step; definition: ProcessDefinition; onSelect: (selection: Selection) => void };

/**
 * The events on a task's border: a deadline (timer) or an error catch,
 * each leading the request another way. Listed to open or remove; added
 * onto the step's bottom edge, each add or removal one undo step.
 */
export function BoundaryEventsSection({ step, definition, onSelect }: Props) {
  const { actions, readOnly } = useProperties();
  const events = boundariesOf(definition, step.id);
  return (
    <PropertySection title="Events on this step">
      {events.length === 0 ? (
        <p className="prop-field-hint">
          None yet. A deadline or an error catch takes the request another way when the time is up or something fails.
        </p>
      ) : (
        <ul className="link-list boundary-list">
          {events.map((event) => (
            <li key={event.id} className="boundary-item">
              {event.trigger.type === "timer" ? <Clock size={14} aria-hidden="true" /> : <Zap size={14} aria-hidden="true" />}
              <button type="button" className="link-button" onClick={() => onSelect({ type: "step", id: event.id })}>
                {stepDisplayName(event)}
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${stepDisplayName(event)}`}
                  title="Remove this event and its connections"
                  onClick={() => actions?.removeStep(event.id)}
                >
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              )}
              <span className="prop-field-hint">{describeBoundary(event)}</span>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="boundary-add">
          <button type="button" className="btn btn-sm add-button" onClick={() => actions?.addBoundary(step.id, "timer")}>
            <Clock size={14} aria-hidden="true" /> Add a deadline (timer)
          </button>
          <button type="button" className="btn btn-sm add-button" onClick={() => actions?.addBoundary(step.id, "error")}>
            <Zap size={14} aria-hidden="true" /> Add an error catch
          </button>
        </div>
      )}
    </PropertySection>
  );
}
