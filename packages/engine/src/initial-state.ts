import { type InstanceState, STATE_VERSION } from "./types.ts";

/** The state of an instance before its start has run: nothing yet, nobody waiting. */
export function initialState(startedBy: string): InstanceState {
  return { stateVersion: STATE_VERSION, status: "running", startedBy, variables: {}, tokens: [], incidents: [] };
}
