import { Download, FileUp } from "lucide-react";
import { useState } from "react";
import { readBatonError } from "../../api/baton-error.ts";
import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { useToast } from "../../ui/Toaster.tsx";
import { useAdminApi } from "../admin-api-context.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";

/**
 * A version as one package file, to import on another Baton (the same file
 * `baton package export` writes), and the import of such a file. The server
 * checks the file and says why it refuses one.
 */
export function DownloadPackageButton({ processKey, version }: { processKey: string; version: number }) {
  const api = useAdminApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await api.exportPackage(processKey, version);
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" }));
      const link = Object.assign(document.createElement("a"), { href: url, download: `${processKey}-v${version}.baton.json` });
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      toast(`Version ${version} could not be exported: ${readBatonError(error).message}`, "error");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="sm" variant="ghost" busy={busy} icon={<Download size={14} aria-hidden="true" />} onClick={() => void download()} aria-label={`Download version ${version} as a package file`}>
      File
    </Button>
  );
}

/** The file's text (FileReader: every browser, and the tests' DOM, has it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export function ImportPackageDialog({ onClose }: { onClose: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const [content, setContent] = useState<unknown>(undefined);
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const importing = useAdminMutation(
    () => api.importPackage(content),
    (result) => {
      toast(
        result.created
          ? `Imported ${result.processKey} as version ${result.version}${result.version === result.fileVersion ? "" : ` (version ${result.fileVersion} in the file)`}.`
          : `${result.processKey} is unchanged: its latest version ${result.version} has the same content.`,
        result.created ? "success" : "info",
      );
      onClose();
    },
  );
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    importing.mutation.reset();
    try {
      setContent(JSON.parse(await readText(file)));
      setReadError(null);
    } catch {
      setContent(undefined);
      setReadError(`${file.name} is not a JSON file: choose a package file exported from Baton.`);
    }
  };
  const busy = importing.mutation.isPending;
  const error = readError ?? importing.error?.message ?? null;
  return (
    <Dialog
      title="Import a package file"
      onClose={onClose}
      locked={busy}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} disabled={content === undefined} onClick={() => importing.mutation.mutate(undefined)}>
            Import and publish
          </Button>
        </>
      }
    >
      <p>A version exported from another Baton (its “File” button, or <code>baton package export</code>) is checked and published here as the next version of its process.</p>
      <div className="bpmn-import-source">
        <label className="btn btn-secondary">
          <FileUp size={16} aria-hidden="true" />
          <span>Choose a package file…</span>
          <input type="file" accept=".json,application/json" className="visually-hidden" onChange={(e) => void pick(e.target.files?.[0])} data-autofocus />
        </label>
        <span>{fileName ?? "No file chosen"}</span>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
