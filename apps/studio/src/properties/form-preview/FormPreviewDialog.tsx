import { BatonForm, type BatonFormHandle } from "@baton/forms/react";
import type { FormDefinition } from "@baton/model";
import { CheckCircle2 } from "lucide-react";
import { useRef, useState } from "react";
import { usePreviewAttachments } from "./use-preview-attachments.ts";
import { useCompiledForm } from "./use-compiled-form.ts";
import type { Directory } from "../../api/studio-types.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import "./form-preview.css";

type Props = {
  /** Whose form it is ("Call back the prospect"). */
  stepName: string;
  form: FormDefinition;
  directory: Directory | undefined;
  onClose: () => void;
};

/**
 * The step's form exactly as a participant will get it: compiled the way
 * publishing compiles it and drawn by the portal's own component
 * (`BatonForm`), with its rules live. "Check" runs the same checks as
 * completing a task in the portal, errors beside the fields; nothing typed
 * here is saved anywhere.
 */
export default function FormPreviewDialog({ stepName, form, directory, onClose }: Props) {
  const compiled = useCompiledForm(form);
  const formRef = useRef<BatonFormHandle>(null);
  const attachments = usePreviewAttachments();
  const [verdict, setVerdict] = useState<"valid" | "invalid" | null>(null);
  const [round, setRound] = useState(0);

  const check = () => setVerdict(formRef.current?.validate() ? "valid" : "invalid");
  const clear = () => {
    setVerdict(null);
    // A fresh, empty form (the form keeps what was typed, and its errors, itself).
    setRound((r) => r + 1);
  };

  return (
    <Dialog
      title={`Preview: ${stepName}`}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" className="btn" onClick={clear}>
            Clear
          </button>
          <button type="button" className="btn" onClick={check} disabled={!compiled.ok}>
            Check as on completing
          </button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <div className="form-preview">
        <p className="prop-field-hint">As the participant will see it in the portal. Nothing you type here is saved.</p>
        {compiled.ok ? (
          <BatonForm
            key={round}
            formRef={formRef}
            schema={compiled.form.schema}
            uiSchema={compiled.form.uiSchema}
            directory={directory ?? { users: [], groups: [] }}
            attachments={attachments}
            submitOnEnter={false}
            onChange={() => setVerdict(null)}
          />
        ) : (
          <p role="alert" className="prop-field-error">
            This form cannot be shown yet: {compiled.message}
          </p>
        )}
        {verdict === "valid" && (
          <p role="status" className="form-preview-verdict">
            <CheckCircle2 size={16} aria-hidden="true" /> Everything entered would be accepted.
          </p>
        )}
      </div>
    </Dialog>
  );
}
