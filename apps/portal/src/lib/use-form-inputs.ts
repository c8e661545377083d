import { formNeeds } from "@baton/forms/react";
import type { BatonFormContext, Directory } from "@baton/forms/react";
import type { CompiledForm } from "@baton/model";
import { useQuery } from "@tanstack/react-query";
import { trpc } from "./trpc.ts";

export const DIRECTORY_KEY = ["portal", "directory"] as const;
export const instanceKey = (instanceId: string) => ["portal", "instance", instanceId] as const;

export type FormInputs = {
  variables: Readonly<Record<string, unknown>> | undefined;
  /** What is known about the fields that wrote the instance's variables (option labels, formats, table columns). */
  choices: BatonFormContext["choices"] | undefined;
  directory: Directory | undefined;
  /** Still loading something the form needs to show the right fields. */
  loading: boolean;
};

/**
 * What a form needs besides its data, loaded only when it needs it: the
 * instance's variables and its choices' labels (its rules, options from a
 * variable and displays of earlier values read them; a start form has none) and the directory (for
 * user and group pickers). A failed load leaves the form with what it has:
 * the server checks the rules again on completion either way.
 */
export function useFormInputs(form: CompiledForm | null, instanceId: string | null): FormInputs {
  const needs = form ? formNeeds(form) : { variables: false, directory: false };
  const instance = useQuery({
    queryKey: instanceKey(instanceId ?? ""),
    queryFn: () => trpc.portal.instance.query({ instanceId: instanceId ?? "" }),
    enabled: needs.variables && instanceId !== null,
    refetchOnWindowFocus: false,
  });
  const directory = useQuery({
    queryKey: DIRECTORY_KEY,
    queryFn: () => trpc.portal.directory.query(),
    enabled: needs.directory,
    staleTime: 5 * 60_000,
  });
  return {
    variables: instance.data?.variables,
    choices: instance.data?.fields,
    directory: directory.data,
    loading: (needs.variables && instanceId !== null && instance.isPending) || (needs.directory && directory.isPending),
  };
}
