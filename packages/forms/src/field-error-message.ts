/**
 * Sentences for JSON Schema errors, named by the field's title: "Phone is
 * required.", "Amount must be at least 0.". Shared by the server
 * (`validate-data.ts`) and, through `transformErrors`, by the browser.
 */

/** The parts of an ajv `ErrorObject` this needs. */
export type SchemaError = {
  keyword: string;
  /** JSON pointer of the value that failed (for `required`: its parent object). */
  instancePath: string;
  params: Record<string, unknown>;
  schemaPath?: string;
};

export type FieldError = { path: string; message: string };

/**
 * The field error for one schema error, or `null` when the error only
 * restates another (the `const` of each `oneOf` branch beside the `oneOf`).
 */
export function describeSchemaError(rootSchema: object, error: SchemaError, data?: unknown): FieldError | null {
  const { keyword, params } = error;
  if (keyword === "const" && error.schemaPath?.includes("/oneOf/")) return null;
  if (keyword === "required" || keyword === "additionalProperties") {
    const name = String(keyword === "required" ? params.missingProperty : params.additionalProperty);
    const path = `${error.instancePath}/${escapePointer(name)}`;
    const message =
      keyword === "required"
        ? `${titleAt(rootSchema, path)} is required.`
        : `"${name}" is not a field of this form.`;
    return { path, message };
  }
  // A value inside a list of choices is a problem of the whole list (its widget shows it).
  const path = choiceListOf(rootSchema, error.instancePath) ?? error.instancePath;
  const schema = schemaAt(rootSchema, path);
  const required = isRequired(rootSchema, path);
  // An emptied required input breaks minLength, pattern or format (an empty
  // required list, minItems); what the participant needs to hear is that it
  // must be filled in.
  const value = valueAt(data, path);
  if (required && keyword !== "type" && (value === "" || (Array.isArray(value) && value.length === 0))) {
    return { path, message: `${titleAt(rootSchema, path)} is required.` };
  }
  const custom = schema?.errorMessage;
  if (isRecord(custom) && typeof custom[keyword] === "string") return { path, message: custom[keyword] };
  const title = path === "" ? "The form data" : titleAt(rootSchema, path);
  return { path, message: `${title} ${rule(keyword, params, schema)}.` };
}

function rule(keyword: string, params: Record<string, unknown>, schema: Record<string, unknown> | undefined): string {
  const limit = params.limit;
  switch (keyword) {
    case "type":
      return `must be ${typeWords[String(params.type)] ?? `of type ${String(params.type)}`}`;
    case "minLength":
      return `must be at least ${plural(Number(limit), "character")} long`;
    case "maxLength":
      return `must be at most ${plural(Number(limit), "character")} long`;
    case "minimum":
      return `must be at least ${String(limit)}`;
    case "maximum":
      return `must be at most ${String(limit)}`;
    case "exclusiveMinimum":
      return `must be more than ${String(limit)}`;
    case "exclusiveMaximum":
      return `must be less than ${String(limit)}`;
    case "format":
      return `must be ${formatWords[String(params.format)] ?? `a valid ${String(params.format)}`}`;
    case "pattern":
      return "is not in the expected format";
    case "oneOf":
    case "enum":
    case "const": {
      const choices = optionTitles(schema);
      return choices.length > 0 ? `must be one of: ${choices.join(", ")}` : "is not one of the allowed values";
    }
    case "not":
      return "has no value that is allowed";
    case "minItems":
      return `must have at least ${plural(Number(limit), itemWord(schema))}`;
    case "maxItems":
      return `must have at most ${plural(Number(limit), itemWord(schema))}`;
    case "uniqueItems":
      return "lists the same choice twice";
    case "multipleOf":
      return `must be a multiple of ${String(params.multipleOf)}`;
    default:
      return "is not valid";
  }
}

const typeWords: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "yes or no",
  object: "an object",
  array: "a list",
  null: "empty",
};

const formatWords: Record<string, string> = {
  email: "a valid e-mail address",
  date: "a valid date (YYYY-MM-DD)",
  "date-time": "a valid date and time",
  time: "a valid time",
  uri: "a valid web address",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A table has rows; a list of choices has choices. */
function itemWord(schema: Record<string, unknown> | undefined): string {
  return isRecord(schema?.items) && schema.items.type === "object" ? "row" : "choice";
}

/** For a pointer to one value in a list of choices (`/benefits/0`), the list's pointer. */
function choiceListOf(root: object, pointer: string): string | undefined {
  const segments = pointerSegments(pointer);
  const last = segments.pop();
  if (last === undefined || !/^\d+$/.test(last)) return undefined;
  const parent = segments.map((s) => `/${escapePointer(s)}`).join("");
  const list = schemaAt(root, parent);
  return list?.type === "array" && isRecord(list.items) && list.items.type !== "object" ? parent : undefined;
}

function optionTitles(schema: Record<string, unknown> | undefined): string[] {
  const items = schema?.type === "array" && isRecord(schema.items) ? schema.items : undefined;
  if (items) return optionTitles(items);
  const oneOf = schema?.oneOf;
  if (Array.isArray(oneOf)) return oneOf.filter(isRecord).map((o) => String(o.title ?? o.const));
  const values = schema?.enum;
  return Array.isArray(values) ? values.map(String) : [];
}

/** The schema of the value at a JSON pointer, following `properties` (and `items`). */
export function schemaAt(root: object, pointer: string): Record<string, unknown> | undefined {
  let here: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (!isRecord(here)) return undefined;
    const props = here.properties;
    if (isRecord(props) && Object.hasOwn(props, segment)) here = props[segment];
    else if (/^\d+$/.test(segment) && isRecord(here.items)) here = here.items;
    else return undefined;
  }
  return isRecord(here) ? here : undefined;
}

/** The field's title; inside a table, with its row ("Lender in row 2"). */
function titleAt(root: object, pointer: string): string {
  const segments = pointerSegments(pointer);
  const title = schemaAt(root, pointer)?.title;
  const name = typeof title === "string" && title !== "" ? title : (segments.at(-1) ?? "The form data");
  const row = segments.findLast((s, i) => i < segments.length - 1 && /^\d+$/.test(s));
  return row === undefined ? name : `${name} in row ${Number(row) + 1}`;
}

function isRequired(root: object, pointer: string): boolean {
  const segments = pointerSegments(pointer);
  const name = segments.pop();
  const parent = schemaAt(root, segments.map(escapePointer).map((s) => `/${s}`).join(""));
  return name !== undefined && Array.isArray(parent?.required) && parent.required.includes(name);
}

function valueAt(data: unknown, pointer: string): unknown {
  let here = data;
  for (const segment of pointerSegments(pointer)) {
    if (here === null || typeof here !== "object" || !Object.hasOwn(here, segment)) return undefined;
    here = (here as Record<string, unknown>)[segment];
  }
  return here;
}

function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
