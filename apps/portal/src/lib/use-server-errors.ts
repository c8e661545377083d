import { fieldErrorsToErrorSchema, withoutErrorsOfField } from "@baton/forms/react";
import type { FieldError } from "@baton/forms/react";
import { useCallback, useMemo, useState } from "react";

/**
 * The server's INVALID_DATA field errors for a form, as rjsf `extraErrors`.
 * Editing a field takes its errors away until the next submit, so a fixed
 * field stops showing a stale message.
 */
export function useServerErrors() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const extraErrors = useMemo(
    () => (errors.length > 0 ? fieldErrorsToErrorSchema(errors) : undefined),
    [errors],
  );
  const fieldEdited = useCallback((fieldId: string | undefined) => {
    if (fieldId === undefined) return;
    setErrors((current) => {
      const left = withoutErrorsOfField(current, fieldId);
      return left.length === current.length ? current : left;
    });
  }, []);
  const clear = useCallback(() => setErrors((current) => (current.length === 0 ? current : [])), []);
  return { errors, extraErrors, set: setErrors, fieldEdited, clear };
}
