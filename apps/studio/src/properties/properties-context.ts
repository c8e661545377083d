import { createContext, useContext } from "react";
import type { ProcessDefinition, Problem } from "@baton/model";
import type { Directory } from "../api/studio-types.ts";
import type { DesignerActions } from "../designer/designer-actions.ts";

/**
 * What every property editor needs: how to change the draft (absent for a
 * published version: the editors then show values read-only), and the
 * directory for user and group pickers.
 */
export type PropertiesEnv = {
  actions: DesignerActions | undefined;
  directory: Directory | undefined;
  /** Keys of the other processes, for "call another process". */
  processKeys: readonly string[];
  /** The whole process (the form designer completes variable names from it) and its problems. */
  definition?: ProcessDefinition | undefined;
  problems?: readonly Problem[] | undefined;
};

export const PropertiesContext = createContext<PropertiesEnv>({ actions: undefined, directory: undefined, processKeys: [] });

export function useProperties(): PropertiesEnv & { readOnly: boolean } {
  const env = useContext(PropertiesContext);
  return { ...env, readOnly: !env.actions };
}
