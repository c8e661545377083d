import { isHttpUrl, type ServiceCallStep } from "@baton/model";
import { Plus, Trash2 } from "lucide-react";
import { FeelField } from "../editors/FeelField.tsx";
import { MappingsEditor } from "../editors/MappingsEditor.tsx";
import { SelectField } from "../editors/SelectField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

const methods = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((m) => ({ value: m, label: m }));
const whole = (min: number, max: number) => (t: string) =>
  /^\d+$/.test(t.trim()) && Number(t) >= min && Number(t) <= max ? null : `A whole number from ${min} to ${max}.`;

/** A call to another system over HTTP, and what of the response is kept. */
export function ServiceCallSection({ step }: { step: ServiceCallStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  const { request } = step;
  const setRequest = (patch: Partial<ServiceCallStep["request"]>) => update({ request: { ...request, ...patch } });
  const setHeader = (i: number, patch: { name?: string; value?: string }) =>
    setRequest({ headers: request.headers.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  return (
    <>
      <PropertySection title="Request">
        <SelectField label="Method" value={request.method} options={methods} disabled={readOnly} onChange={(method) => setRequest({ method })} />
        <TextField label="URL" mono value={request.url} readOnly={readOnly} validate={(t) => (isHttpUrl(t) ? null : "The full web address, e.g. https://crm.example.com/api/leads, or one a server setting gives: {{secrets.NAME}}/path.")} onCommit={(url) => setRequest({ url: url.trim() })} />
        {request.headers.map((h, i) => (
          <div key={i} className="mapping-row">
            <TextField label={`Header ${i + 1}`} mono value={h.name} readOnly={readOnly} validate={(t) => (t.trim() ? null : "A header needs a name.")} onCommit={(name) => setHeader(i, { name: name.trim() })} />
            <TextField label="Value" mono value={h.value} readOnly={readOnly} onCommit={(value) => setHeader(i, { value })} />
            {!readOnly && (
              <button type="button" className="icon-button" aria-label={`Remove header ${h.name}`} title="Remove this header" onClick={() => setRequest({ headers: request.headers.filter((_, j) => j !== i) })}>
                <Trash2 size={14} />
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button type="button" className="btn btn-sm add-button" onClick={() => setRequest({ headers: [...request.headers, { name: "Accept", value: "application/json" }] })}>
            <Plus size={14} aria-hidden="true" /> Add header
          </button>
        )}
        <FeelField label="Body (expression)" optional value={request.body ?? ""} readOnly={readOnly} context="builds the JSON body from the variables" onCommit={(body) => setRequest({ body: body.trim() || undefined })} />
        <TextField label="Retries" type="number" value={String(step.retries)} readOnly={readOnly} validate={whole(0, 20)} onCommit={(t) => update({ retries: Number(t) })} />
        <TextField label="Timeout (seconds)" type="number" value={String(step.timeoutSeconds)} readOnly={readOnly} validate={whole(1, 300)} onCommit={(t) => update({ timeoutSeconds: Number(t) })} />
      </PropertySection>
      <PropertySection title="Saved from the response">
        <MappingsEditor
          value={step.outputs}
          readOnly={readOnly}
          allowCopyAll={false}
          fromLabel="From response"
          toLabel="Into variable"
          fromContext="over response (status, body)"
          onChange={(outputs) => update({ outputs: outputs ?? [] })}
        />
      </PropertySection>
    </>
  );
}
