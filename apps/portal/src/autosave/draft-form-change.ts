import type { FormData } from "@baton/forms/react";
import type { Autosave } from "./use-autosave.ts";

/**
 * BatonForm's `onChange` for a form that autosaves to a draft: a user edit
 * (`fieldId` set) is saved and takes that field's server errors away; data
 * the form derived by itself (defaults) only rides along with the next save.
 */
export function draftFormChange(
  setData: (data: FormData) => void,
  autosave: Pick<Autosave<FormData>, "change" | "update">,
  fieldEdited: (fieldId: string) => void,
): (next: FormData, fieldId: string | undefined) => void {
  return (next, fieldId) => {
    setData(next);
    if (fieldId === undefined) autosave.update(next);
    else {
      autosave.change(next);
      fieldEdited(fieldId);
    }
  };
}
