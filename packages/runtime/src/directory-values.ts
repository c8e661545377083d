import { inArray } from "drizzle-orm";
import { groups, users, type Database } from "@baton/db";
import type { FieldError } from "@baton/forms";
import type { CompiledForm } from "@baton/model";
import { invalidData } from "./form-data.ts";
import { formKeysWith } from "./form-keys.ts";

/**
 * A user picker holds a user name and a group picker a group key, and later
 * steps assign work to them: the schema can only check they are strings, so
 * the server checks, after the schema, that they name someone in the
 * directory (a user also must not be disabled). One query per kind, for only
 * the names the data holds. Pickers cannot be table columns, so only the
 * form's top-level keys are looked at. Drafts are not checked: they may be
 * incomplete.
 */
export async function checkDirectoryValues(
  db: Database,
  form: CompiledForm | undefined,
  data: Readonly<Record<string, unknown>>,
  where: string,
): Promise<void> {
  if (!form) return;
  const userFields = pickedValues(form, data, "userPicker");
  const groupFields = pickedValues(form, data, "groupPicker");
  const errors: FieldError[] = [];
  if (userFields.length > 0) {
    const rows = await db
      .select({ username: users.username, disabled: users.disabled })
      .from(users)
      .where(inArray(users.username, unique(userFields.map((f) => f.value))));
    const found = new Map(rows.map((r) => [r.username, r]));
    for (const { key, value } of userFields) {
      const user = found.get(value);
      if (!user) errors.push({ path: `/${key}`, message: `No user "${value}" in the directory.` });
      else if (user.disabled) errors.push({ path: `/${key}`, message: `The user "${value}" is disabled.` });
    }
  }
  if (groupFields.length > 0) {
    const rows = await db
      .select({ key: groups.key })
      .from(groups)
      .where(inArray(groups.key, unique(groupFields.map((f) => f.value))));
    const found = new Set(rows.map((r) => r.key));
    for (const { key, value } of groupFields) {
      if (!found.has(value)) errors.push({ path: `/${key}`, message: `No group "${value}" in the directory.` });
    }
  }
  if (errors.length > 0) throw invalidData(where, errors);
}

/** The non-empty values of the fields drawn with the given widget. */
function pickedValues(form: CompiledForm, data: Readonly<Record<string, unknown>>, widget: string): { key: string; value: string }[] {
  return formKeysWith(form, "ui:widget", widget).flatMap((key) => {
    const value = data[key];
    return typeof value === "string" && value !== "" ? [{ key, value }] : [];
  });
}

const unique = (values: string[]) => [...new Set(values)];
