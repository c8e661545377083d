import { useProperties } from "../properties-context.ts";

/** `step.update` on one step, as the kind sections use it. */
export function useStepUpdate(stepId: string) {
  const { actions } = useProperties();
  return (changes: Record<string, unknown>) => actions?.run("step.update", { id: stepId, changes });
}
