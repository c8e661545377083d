import { useMutation, useQueryClient } from "@tanstack/react-query";
import { decodeXmlBytes } from "@baton/model";
import { AlertTriangle } from "lucide-react";
import { useState } from "react";
import { readBatonError } from "../api/baton-error.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { bpmnApi } from "./bpmn-api.ts";
import { ImportReport } from "./ImportReport.tsx";
import "./bpmn.css";

type Props = {
  onClose: () => void;
  /** Open the draft the import created (e.g. navigate to /processes/:key). */
  onOpenDraft: (key: string) => void;
};

/**
 * "Import BPMN": pick a .bpmn file (or paste its XML), optionally choose the
 * new process's key, import it as a draft through `studio.importBpmn`, then
 * read the report (steps taken, elements not taken and why, warnings,
 * problems) before opening the draft. An unreadable file is refused with
 * the server's sentence (line and column for malformed XML).
 */
export function ImportBpmnDialog({ onClose, onOpenDraft }: Props) {
  const queryClient = useQueryClient();
  const [xml, setXml] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [key, setKey] = useState("");
  const importing = useMutation({
    mutationFn: () => bpmnApi.importBpmn({ xml, ...(key.trim() ? { key: key.trim() } : {}) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.processes }),
  });
  const result = importing.data;

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setXml(decodeXmlBytes(new Uint8Array(await file.arrayBuffer())));
    importing.reset();
  };

  if (result) {
    return (
      <Dialog
        title={`Imported as the draft "${result.key}"`}
        onClose={onClose}
        actions={
          <>
            <Button onClick={onClose}>Close</Button>
            <Button variant="primary" onClick={() => onOpenDraft(result.key)} data-autofocus>
              Open the draft
            </Button>
          </>
        }
      >
        <div className="bpmn-import">
          {result.report.process && (
            <p>
              From the process <strong>{result.report.process.name ?? result.report.process.id}</strong> of the file
              {fileName ? ` ${fileName}` : ""}.
            </p>
          )}
          <ImportReport report={result.report} />
        </div>
      </Dialog>
    );
  }

  const error = importing.error ? readBatonError(importing.error).message : null;
  return (
    <Dialog
      title="Import a BPMN file"
      onClose={onClose}
      locked={importing.isPending}
      actions={
        <>
          <Button onClick={onClose} disabled={importing.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => importing.mutate()} busy={importing.isPending} disabled={xml.trim() === ""}>
            Import as a draft
          </Button>
        </>
      }
    >
      <div className="bpmn-import">
        <p>
          A BPMN 2.0 file from Camunda Modeler, bpmn.io, Signavio or another tool becomes a new draft. Whatever Baton cannot
          take is listed with the reason; nothing is published.
        </p>
        <div className="bpmn-import-source">
          <label className="btn btn-secondary">
            <span>Choose a .bpmn file…</span>
            <input type="file" accept=".bpmn,.xml,application/xml,text/xml" className="visually-hidden" onChange={(e) => void pickFile(e.target.files?.[0])} />
          </label>
          <span>{fileName ?? "or paste the XML below"}</span>
        </div>
        <label className="field">
          <span className="field-label">BPMN XML</span>
          <textarea
            className="input"
            value={xml}
            spellCheck={false}
            placeholder={'<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions …>'}
            onChange={(e) => {
              setXml(e.target.value);
              setFileName(null);
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">Process key (optional)</span>
          <input className="input" value={key} placeholder="taken from the file" onChange={(e) => setKey(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            <AlertTriangle size={14} aria-hidden="true" /> {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
