/**
 * The caller asked for something the engine cannot do: an event on a finished
 * instance, a token that is not waiting, a definition that does not hold
 * together. This is a bug in the caller (or an unvalidated definition), so it
 * throws; a business problem in a valid process (no decision matches, an
 * assignment yields nobody) is an incident in the state instead.
 */
export class EngineUsageError extends Error {
  override name = "EngineUsageError";
}
