import { exportBpmn, type ProcessDefinition } from "@baton/model";
import { useEffect, useState } from "react";
import { Spinner } from "../ui/Spinner.tsx";
import { BpmnPanel } from "./BpmnPanel.tsx";

type Props = {
  /** The definition as the page holds it, unsaved edits included. */
  definition: ProcessDefinition;
  /** Name of the downloaded file; default `<key>.bpmn`. */
  fileName?: string;
  caption?: string;
};

/**
 * A definition in memory as BPMN 2.0, exported in the browser with the same
 * `exportBpmn` the server uses, so the tab shows exactly what is on the
 * canvas. Re-exported whenever the definition object changes.
 */
export function DefinitionBpmnPanel({ definition, fileName, caption = "This process as BPMN 2.0" }: Props) {
  const [exported, setExported] = useState<{ for: ProcessDefinition; xml: string } | { for: ProcessDefinition; error: string } | null>(null);
  useEffect(() => {
    let current = true;
    exportBpmn(definition).then(
      (xml) => current && setExported({ for: definition, xml }),
      (error: unknown) => current && setExported({ for: definition, error: (error as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [definition]);
  if (!exported || exported.for !== definition) return <Spinner label="Exporting as BPMN…" />;
  if ("error" in exported) {
    return (
      <p className="form-error" role="alert">
        The process could not be exported as BPMN: {exported.error}
      </p>
    );
  }
  return <BpmnPanel xml={exported.xml} fileName={fileName ?? `${definition.key}.bpmn`} caption={caption} />;
}
