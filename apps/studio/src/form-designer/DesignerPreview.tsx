import { sampleFormData } from "@baton/forms";
import { BatonForm } from "@baton/forms/react";
import type { FormDefinition } from "@baton/model";
import { useMemo, useState } from "react";
import { useCompiledForm } from "../properties/form-preview/use-compiled-form.ts";
import { usePreviewAttachments } from "../properties/form-preview/use-preview-attachments.ts";
import type { Directory } from "../api/studio-types.ts";

type Mode = "participant" | "sample";
type Props = { form: FormDefinition; directory: Directory | undefined };

/**
 * The form drawn by the portal's own component as it is edited: empty, as a
 * participant opens it, or filled with sample data (and sample values for
 * what earlier steps would have left), to see displays, totals and rules.
 */
export function DesignerPreview({ form, directory }: Props) {
  const [mode, setMode] = useState<Mode>("participant");
  const dir = directory ?? { users: [], groups: [] };
  const compiled = useCompiledForm(form);
  const attachments = usePreviewAttachments();
  const sample = useMemo(() => (mode === "sample" ? sampleFormData(form, dir) : undefined), [mode, form, dir]);
  return (
    <div className="fd-preview">
      <div className="segmented" role="radiogroup" aria-label="Preview">
        {(
          [
            ["participant", "As participant"],
            ["sample", "With sample data"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className={`segmented-option ${mode === value ? "is-active" : ""}`}>
            <input type="radio" name="fd-preview-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {form.blocks.length === 0 ? (
        <p className="muted">Add a field to see the form.</p>
      ) : compiled.ok ? (
        <BatonForm
          key={mode}
          schema={compiled.form.schema}
          uiSchema={compiled.form.uiSchema}
          formData={sample?.data}
          variables={sample?.variables}
          directory={dir}
          attachments={attachments}
          submitOnEnter={false}
        />
      ) : (
        <p role="alert" className="prop-field-error">
          This form cannot be shown yet: {compiled.message}
        </p>
      )}
    </div>
  );
}
