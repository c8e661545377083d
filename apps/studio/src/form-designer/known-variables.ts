import { formFields, type ProcessDefinition } from "@baton/model";

/**
 * The variable names the process's steps produce (form fields, output
 * mappings, service-call response mappings), for completing a field's
 * binding: binding to a name another step uses makes this form show or
 * change that value. Sorted, each once.
 */
export function knownVariables(definition: ProcessDefinition | undefined, exceptStep?: string): string[] {
  if (!definition) return [];
  const names = new Set<string>();
  for (const step of definition.steps) {
    if (step.id === exceptStep) continue;
    const form = "form" in step ? step.form : undefined;
    for (const field of formFields(form)) names.add(field.key);
    const outputs = "outputs" in step ? (step.outputs as { to: string }[] | undefined) : undefined;
    for (const mapping of outputs ?? []) names.add(mapping.to);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
