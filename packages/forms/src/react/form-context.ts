import type { AttachmentFile } from "@baton/model";

/** How attachment fields store and fetch files (the portal's upload endpoint). */
export type AttachmentService = {
  /** Stores a picked file for the field with this key; resolves to what the form data keeps. Rejects with a message for the participant. */
  upload(file: File, field: string): Promise<AttachmentFile>;
  /** Where a stored file is downloaded from; undefined when nowhere (a preview's sample file). */
  href(file: AttachmentFile): string | undefined;
};

/** People and groups a picker offers (what `portal.directory` answers). */
export type Directory = {
  users: { username: string; displayName: string }[];
  groups: { key: string; name: string }[];
};

/**
 * What the process knows about the field that wrote a variable
 * (`portal.instance`'s `fields`), so a display of its value reads "Gold",
 * not "gold", "€45,000.00", not "45000", and a table's rows under their
 * column labels.
 */
export type EarlierField = {
  label?: string;
  options?: Record<string, string>;
  format?: string;
  currency?: string;
  columns?: (EarlierField & { key: string })[];
};

/**
 * What BatonForm hands every template and widget through rjsf's
 * `formContext`: the instance's variables and what is known about the
 * fields that wrote them (for displays of earlier values), the directory
 * (for user and group pickers) and the file service (for attachment fields).
 */
export type BatonFormContext = {
  variables: Readonly<Record<string, unknown>>;
  directory: Directory;
  /** The earlier fields by variable; named for what it first held, the labels of earlier choices. */
  choices: Readonly<Record<string, EarlierField>>;
  /** Uploads and downloads for attachment fields; without it, files can be shown but not added. */
  attachments?: AttachmentService;
};

const EMPTY: BatonFormContext = { variables: {}, directory: { users: [], groups: [] }, choices: {} };

/** The context from an rjsf registry, with empty defaults when a page passed none. */
export function batonContext(formContext: unknown): BatonFormContext {
  if (typeof formContext !== "object" || formContext === null) return EMPTY;
  const given = formContext as Partial<BatonFormContext>;
  return {
    variables: given.variables ?? EMPTY.variables,
    directory: {
      users: given.directory?.users ?? [],
      groups: given.directory?.groups ?? [],
    },
    choices: given.choices ?? EMPTY.choices,
    ...(given.attachments ? { attachments: given.attachments } : {}),
  };
}
