import type { NotifyStep } from "@baton/model";
import { AssignmentEditor } from "../editors/AssignmentEditor.tsx";
import { FeelField } from "../editors/FeelField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

/** A notification: to whom (and which outside addresses by e-mail), and what it says ({{variable}} is filled in). */
export function NotifySection({ step }: { step: NotifyStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  return (
    <PropertySection title="Notification">
      <AssignmentEditor label="Recipients" value={step.recipients} onChange={(recipients) => update({ recipients })} />
      <TextField label="Subject" value={step.subject} readOnly={readOnly} validate={(t) => (t.trim() ? null : "A subject is required.")} onCommit={(subject) => update({ subject: subject.trim() })} />
      <TextField label="Message" multiline value={step.message} readOnly={readOnly} hint="{{variable}} is replaced by the variable's value." onCommit={(message) => update({ message })} />
      <FeelField
        label="Also e-mail to (people outside Baton)"
        optional
        value={step.emailTo ?? ""}
        readOnly={readOnly}
        placeholder="e.g. email, or [email, partnerEmail]"
        context="a variable holding an e-mail address, or a list of them; sent where e-mail is set up"
        onCommit={(emailTo) => update({ emailTo: emailTo.trim() || undefined })}
      />
    </PropertySection>
  );
}
