import type { FormDefinition, OutputMapping } from "@baton/model";
import { Eye, LayoutList } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { FormFieldsEditor } from "../editors/FormFieldsEditor.tsx";
import { MappingsEditor } from "../editors/MappingsEditor.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

type Props = { stepId: string; stepName: string; title: string; form: FormDefinition | undefined; outputs: OutputMapping[] | undefined };

// With the portal's form renderer (rjsf, ajv): loaded only when a preview is opened.
const FormPreviewDialog = lazy(() => import("../form-preview/FormPreviewDialog.tsx"));
// The form designer (palette, drag and drop, live preview): loaded when opened.
const FormDesignerDialog = lazy(() => import("../../form-designer/FormDesignerDialog.tsx"));

/** A step's form and what of it goes into the process variables (the start and user tasks). */
export function FormSections({ stepId, stepName, title, form, outputs }: Props) {
  const update = useStepUpdate(stepId);
  const { readOnly, directory } = useProperties();
  const [previewing, setPreviewing] = useState(false);
  const [designing, setDesigning] = useState(false);
  const empty = !form || form.blocks.length === 0;
  return (
    <>
      <PropertySection title={title}>
        <FormFieldsEditor stepId={stepId} form={form} />
        <button type="button" className="btn btn-sm" onClick={() => setDesigning(true)} disabled={readOnly && empty} title={readOnly && empty ? "This step has no form" : undefined}>
          <LayoutList size={14} aria-hidden="true" /> {readOnly ? "Open form designer" : "Design form"}
        </button>
        <span title={empty ? "Add a field first" : "See the form as the participant will, and try it"}>
          <button type="button" className="btn btn-sm" disabled={empty} onClick={() => setPreviewing(true)}>
            <Eye size={14} aria-hidden="true" /> Preview form
          </button>
        </span>
        {previewing && form && (
          <Suspense fallback={<span role="status">Opening the preview…</span>}>
            <FormPreviewDialog stepName={stepName} form={form} directory={directory} onClose={() => setPreviewing(false)} />
          </Suspense>
        )}
        {designing && (
          <Suspense fallback={<span role="status">Opening the form designer…</span>}>
            <FormDesignerDialog stepId={stepId} stepName={stepName} form={form} onClose={() => setDesigning(false)} />
          </Suspense>
        )}
      </PropertySection>
      <PropertySection title="Saved to process variables">
        <MappingsEditor
          value={outputs}
          readOnly={readOnly}
          allowCopyAll
          fromLabel="From form"
          toLabel="Into variable"
          fromContext="over the submitted form"
          onChange={(next) => update({ outputs: next })}
        />
      </PropertySection>
    </>
  );
}
