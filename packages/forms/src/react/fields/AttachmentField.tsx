import type { FieldProps, UiSchema } from "@rjsf/utils";
import type { AttachmentFile } from "@baton/model";
import { useRef, useState } from "react";
import { attachmentProblem, isFileList, type AttachmentOptions } from "../../attachment-files.ts";
import { describedBy, hasErrors } from "../described-by.ts";
import { batonContext } from "../form-context.ts";
import { FileList } from "./FileList.tsx";

/**
 * An attachment field (`ui:field: "attachment"`): the files already in the
 * value, each with Remove, and a file input. A picked file is checked here
 * (size, type) and then uploaded at once through `formContext.attachments`;
 * only when the upload answered does its `{ id, name, size, contentType }`
 * enter the form data, so a draft never names a file the server does not
 * have. While uploading, the field says so; a refused file is named with
 * the reason beside the field. Read-only shows the files as download links.
 */
export function AttachmentField(props: FieldProps<AttachmentFile[]>) {
  const { formData, onChange, fieldPathId, name, disabled, readonly, uiSchema, registry, errorSchema, schema } = props;
  const options = { maxSizeMb: 10, multiple: false, ...(uiSchema?.["ui:options"] as Partial<AttachmentOptions> | undefined) };
  const { attachments } = batonContext(registry.formContext);
  const files = isFileList(formData) ? formData : [];
  const [uploading, setUploading] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const latest = useRef(files);
  latest.current = files;
  const id = fieldPathId.$id;
  const href = (file: AttachmentFile) => attachments?.href(file);

  if (readonly || disabled) {
    return files.length > 0 ? <FileList id={id} files={files} href={href} /> : <p className="bf-files-empty" id={id}>No file attached.</p>;
  }

  const pick = async (input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    input.value = "";
    if (chosen.length === 0) return;
    const refused: string[] = [];
    const fitting = chosen.filter((file) => {
      const problem = attachmentProblem(options, file);
      if (problem) refused.push(problem);
      return !problem;
    });
    if (!attachments) refused.push("Files can be attached only where the form is filled in for real (in the portal).");
    setProblems(refused);
    if (!attachments || fitting.length === 0) return;
    setUploading(fitting.map((f) => f.name));
    const uploaded: AttachmentFile[] = [];
    for (const file of fitting) {
      try {
        uploaded.push(await attachments.upload(file, name));
      } catch (error) {
        refused.push(error instanceof Error ? error.message : `"${file.name}" could not be uploaded.`);
      }
    }
    setUploading([]);
    setProblems([...refused]);
    if (uploaded.length > 0) onChange(options.multiple ? [...latest.current, ...uploaded] : uploaded.slice(-1), fieldPathId.path);
  };

  const remove = (index: number) => {
    setProblems([]);
    onChange(files.filter((_, i) => i !== index), fieldPathId.path);
  };
  const fileErrors = (index: number) => ((errorSchema as Record<number, { __errors?: string[] }> | undefined)?.[index]?.__errors ?? []).filter(Boolean);
  const canAddMore = options.multiple || files.length === 0;
  const ownErrorsId = `${id}__problems`;
  const described = [describedBy({ id, schema, uiSchema: uiSchema as UiSchema | undefined, rawErrors: props.rawErrors, hideError: props.hideError }), problems.length ? ownErrorsId : undefined]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="bf-attachment">
      <FileList
        files={files}
        href={href}
        after={(file, i) => (
          <>
            {fileErrors(i).map((e) => (
              <span key={e} className="bf-error bf-file-error" role="alert">
                {e}
              </span>
            ))}
            <button type="button" className="bf-file-remove" onClick={() => remove(i)} aria-label={`Remove ${file.name}`}>
              Remove
            </button>
          </>
        )}
      />
      {canAddMore ? (
        <input
          id={id}
          name={fieldPathId.name ?? id}
          type="file"
          className="bf-file-input"
          multiple={options.multiple}
          accept={options.accept?.join(",")}
          disabled={uploading.length > 0}
          aria-invalid={hasErrors(props) || problems.length > 0 || undefined}
          aria-describedby={described || undefined}
          onChange={(e) => void pick(e.currentTarget)}
        />
      ) : (
        <p className="bf-help">To attach another file, remove this one first.</p>
      )}
      <p className="bf-file-limits">
        {options.multiple ? "One or more files" : "One file"}
        {options.accept?.length ? ` (${options.accept.join(", ")})` : ""}, up to {options.maxSizeMb} MB each.
      </p>
      <p className="bf-file-status" role="status" aria-live="polite">
        {uploading.length > 0 ? `Uploading ${uploading.join(", ")}…` : ""}
      </p>
      {problems.length > 0 ? (
        <div id={ownErrorsId} className="bf-errors" role="alert">
          {problems.map((p) => (
            <p key={p} className="bf-error">
              {p}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
