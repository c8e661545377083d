import { useMutation, useQueryClient } from "@tanstack/react-query";
import { readBatonError, type BatonError } from "../api/baton-error.ts";
import { adminQueryKeys } from "./admin-api.ts";

/**
 * A change made from the admin console: on success everything the console
 * shows is read again (a user's groups show on the groups panel too, an
 * incident retried changes the counts); the error, read once, is kept for
 * the dialog to show next to the field it names.
 */
export function useAdminMutation<Input, Result>(run: (input: Input) => Promise<Result>, onDone?: (result: Result) => void) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKeys.all });
      onDone?.(result);
    },
  });
  const error: BatonError | null = mutation.error ? readBatonError(mutation.error) : null;
  const fieldError = (path: string): string | null => error?.fieldErrors?.find((f) => f.path === path)?.message ?? null;
  /** The error when no field shows it. */
  const formError = error && !(error.fieldErrors?.length) ? error.message : null;
  return { mutation, error, fieldError, formError };
}
