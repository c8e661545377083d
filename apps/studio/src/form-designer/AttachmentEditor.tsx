import { acceptPatternSchema, MAX_ATTACHMENT_MB, type Field } from "@baton/model";
import { CheckboxField } from "../properties/editors/CheckboxField.tsx";
import { TextField } from "../properties/editors/TextField.tsx";

type AttachmentField = Extract<Field, { type: "attachment" }>;

/** The list of accepted types as typed: comma-separated, blanks dropped. */
export function parseAccept(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Why typed types are not usable, naming the first that is not, or null. */
export function acceptProblem(text: string): string | null {
  const wrong = parseAccept(text).find((t) => !acceptPatternSchema.safeParse(t).success);
  return wrong ? `"${wrong}" is not a type: write one like application/pdf, image/* or .pdf.` : null;
}

/** Size limit, one or several files, and the types an attachment field takes. */
export function AttachmentEditor({ field, readOnly, update }: { field: AttachmentField; readOnly: boolean; update: (changes: Record<string, unknown>) => void }) {
  return (
    <>
      <TextField
        label="Largest file (MB)"
        type="number"
        value={String(field.maxSizeMb)}
        readOnly={readOnly}
        hint={`Up to ${MAX_ATTACHMENT_MB} MB per file.`}
        validate={(t) => {
          const n = Number(t);
          return t.trim() && Number.isFinite(n) && n > 0 && n <= MAX_ATTACHMENT_MB ? null : `Enter a size above 0 and at most ${MAX_ATTACHMENT_MB}.`;
        }}
        onCommit={(t) => update({ maxSizeMb: Number(t) })}
      />
      <CheckboxField label="Several files" checked={field.multiple} disabled={readOnly} onChange={(v) => update({ multiple: v })} />
      <TextField
        label="Accepted types"
        mono
        value={(field.accept ?? []).join(", ")}
        readOnly={readOnly}
        placeholder="Any type"
        hint="Separated by commas, e.g. application/pdf, image/*, .docx. Empty takes any type."
        validate={acceptProblem}
        onCommit={(t) => {
          const accept = parseAccept(t);
          update({ accept: accept.length ? accept : undefined });
        }}
      />
    </>
  );
}
