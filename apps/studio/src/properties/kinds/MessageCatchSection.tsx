import type { MessageCatchStep } from "@baton/model";
import { FeelField } from "../editors/FeelField.tsx";
import { MappingsEditor } from "../editors/MappingsEditor.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

/**
 * A message wait: which message, the correlation key that tells this
 * request's message from the others, and what of the message's data is kept.
 */
export function MessageCatchSection({ step }: { step: MessageCatchStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  const { message } = step;
  return (
    <>
      <PropertySection title="Waits for the message">
        <TextField
          label="Message name"
          value={message.name}
          readOnly={readOnly}
          mono
          placeholder="e.g. payment-received"
          validate={(name) => (name.trim() ? null : "Name the message the other system sends.")}
          hint="The name the other system sends it with (API messages.correlate, or baton message)."
          onCommit={(name) => update({ message: { ...message, name: name.trim() } })}
        />
        <FeelField
          label="Correlation key"
          value={message.correlationKey}
          readOnly={readOnly}
          placeholder="e.g. orderId"
          context="the process variables when the request gets here; its value must come with the message"
          onCommit={(correlationKey) => update({ message: { ...message, correlationKey } })}
        />
      </PropertySection>
      <PropertySection title="Keeps from the message">
        <MappingsEditor
          value={step.outputs}
          readOnly={readOnly}
          allowCopyAll
          fromLabel="From the message"
          toLabel="Into variable"
          fromContext="over the message's data"
          onChange={(outputs) => update({ outputs })}
        />
      </PropertySection>
    </>
  );
}
