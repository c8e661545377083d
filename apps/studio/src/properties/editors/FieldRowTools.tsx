import type { Field } from "@baton/model";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useProperties } from "../properties-context.ts";

/** Move up, move down, remove: each one command. Hidden for a published version. */
export function FieldRowTools({ stepId, field, index, count }: { stepId: string; field: Field; index: number; count: number }) {
  const { actions, readOnly } = useProperties();
  if (readOnly || !actions) return null;
  return (
    <span className="field-row-tools">
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${field.label} up`}
        title={index === 0 ? "Already the first field" : "Move up"}
        disabled={index === 0}
        onClick={() => actions.run("field.move", { stepId, fieldId: field.id, to: index - 1 })}
      >
        <ArrowUp size={14} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${field.label} down`}
        title={index === count - 1 ? "Already the last field" : "Move down"}
        disabled={index === count - 1}
        onClick={() => actions.run("field.move", { stepId, fieldId: field.id, to: index + 1 })}
      >
        <ArrowDown size={14} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove ${field.label}`}
        title="Remove this field"
        onClick={() => actions.run("field.delete", { stepId, fieldId: field.id })}
      >
        <Trash2 size={14} />
      </button>
    </span>
  );
}
