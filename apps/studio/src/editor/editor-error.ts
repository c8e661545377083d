/**
 * A command that does not fit the definition it is applied to (an unknown
 * step, an id already taken, a value the schema refuses). It is a bug in the
 * caller or a stale screen, never a user's typo: the properties panel checks
 * values before it commits them. The message says what and where.
 */
export class EditorError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(`${command}: ${message}`);
    this.name = "EditorError";
  }
}
