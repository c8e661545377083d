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
  /** The other processes, for "call another process": only a published one can be called. */
  processes: readonly CallableProcess[];
  /** The whole process (the form designer completes variable names from it) and its problems. */
  definition?: ProcessDefinition | undefined;
  problems?: readonly Problem[] | undefined;
};

/** A process a call activity could run: its key, its name, and whether a version of it is published. */
export type CallableProcess = { key: string; name: string; published: boolean };

export const PropertiesContext = createContext<PropertiesEnv>({ actions: undefined, directory: undefined, processes: [] });

export function useProperties(): PropertiesEnv & { readOnly: boolean } {
  const env = useContext(PropertiesContext);
  return { ...env, readOnly: !env.actions };
}
