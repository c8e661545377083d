import { formFields, isLayoutBlock, type Field, type FormBlock, type FormDefinition } from "@baton/model";

type Directory = { users: readonly { username: string }[]; groups: readonly { name: string }[] };

export type SampleData = {
  /** What a participant might have typed. */
  data: Record<string, unknown>;
  /** What earlier steps might have left: the variables displays show and choices take options from. */
  variables: Record<string, unknown>;
};

/**
 * Plausible example values for every field of a form, for the designer's
 * "with sample data" preview: the form as it looks filled in, mid-process.
 * Values respect the field's bounds, lengths and options; a text field with
 * a pattern takes its default or placeholder when that matches, else stays
 * empty (no value can be guessed that surely matches).
 */
export function sampleFormData(form: FormDefinition, directory: Directory = { users: [], groups: [] }): SampleData {
  const data: Record<string, unknown> = {};
  for (const field of formFields(form)) {
    const value = sampleValue(field, directory, 0);
    if (value !== undefined) data[field.key] = value;
  }
  const variables: Record<string, unknown> = {};
  const walk = (blocks: FormBlock[]) => {
    for (const block of blocks) {
      if (block.type === "display") setPath(variables, block.variable, `Sample ${block.label.toLowerCase()}`);
      else if (block.type === "section") walk(block.children);
      else if (block.type === "columns") for (const c of block.columns) walk(c.children);
      else if (!isLayoutBlock(block) && "optionsFrom" in block && block.optionsFrom)
        setPath(variables, block.optionsFrom.variable, ["First choice", "Second choice"]);
    }
  };
  walk(form.blocks);
  // A choice fed from a variable picks from the sample list.
  for (const field of formFields(form)) {
    if (!("optionsFrom" in field) || !field.optionsFrom) continue;
    data[field.key] = field.type === "multiSelect" || field.type === "checkboxes" ? ["First choice"] : "First choice";
  }
  return { data, variables };
}

function sampleValue(field: Field | Extract<Field, { type: "table" }>["columns"][number], directory: Directory, row: number): unknown {
  switch (field.type) {
    case "text": {
      if (field.pattern) return matching(field.pattern, [field.default, field.placeholder]);
      return fit(`Sample ${field.label.toLowerCase()}${row ? ` ${row + 1}` : ""}`, field.minLength, field.maxLength);
    }
    case "longText":
      return fit(`Notes for ${field.label.toLowerCase()}: all agreed, nothing open.`, field.minLength, field.maxLength);
    case "number":
      return bounded(field.integer ? 12 + row : 12.5 + row, field.minimum, field.maximum);
    case "currency":
      return bounded(1250 + 250 * row, field.minimum, field.maximum);
    case "percent":
      return bounded(12.5, field.minimum, field.maximum);
    case "date":
      return "2026-03-14";
    case "dateTime":
      return "2026-03-14T09:30:00.000Z";
    case "email":
      return "alex.morgan@example.com";
    case "phone":
      return "+44 20 7946 0958";
    case "url":
      return "https://example.com/documents/contract.pdf";
    case "select":
    case "radio":
      return field.options[0]?.value;
    case "multiSelect":
    case "checkboxes":
      return field.options.length ? [field.options[0]!.value] : undefined;
    case "yesNo":
      return true;
    case "user":
      return directory.users[0]?.username;
    case "group":
      return directory.groups[0]?.name;
    case "table": {
      const rows = Math.max(2, field.minRows ?? 0);
      const count = field.maxRows !== undefined ? Math.min(rows, field.maxRows) : rows;
      return Array.from({ length: count }, (_, r) => {
        const out: Record<string, unknown> = {};
        for (const column of field.columns) {
          const value = sampleValue(column, directory, r);
          if (value !== undefined) out[column.key] = value;
        }
        return out;
      });
    }
    case "attachment":
      return [{ id: SAMPLE_FILE_ID, name: "sample-document.pdf", size: 48_213, contentType: "application/pdf" }];
    default:
      return undefined;
  }
}

/** A fixed id, so the studio's "with sample data" preview shows the same file every time. */
const SAMPLE_FILE_ID = "00000000-0000-4000-8000-000000000001";

function matching(pattern: string, candidates: (string | undefined)[]): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    return undefined;
  }
  return candidates.find((c) => c !== undefined && re.test(c));
}

function fit(text: string, min: number | undefined, max: number | undefined): string {
  let out = text;
  while (min !== undefined && out.length < min) out += " and more";
  return max !== undefined ? out.slice(0, max) : out;
}

function bounded(value: number, min: number | undefined, max: number | undefined): number {
  if (min !== undefined && value < min) return min;
  if (max !== undefined && value > max) return max;
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let here = target;
  for (const part of parts.slice(0, -1)) {
    const next = here[part];
    if (typeof next !== "object" || next === null) here[part] = {};
    here = here[part] as Record<string, unknown>;
  }
  here[parts.at(-1)!] = value;
}
