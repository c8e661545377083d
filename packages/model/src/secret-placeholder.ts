/**
 * `{{secrets.NAME}}` in a service call's URL or header values: a setting of
 * the deployment (an address, an API key) that the published process names
 * but never holds. The engine leaves it as written; only the runtime's
 * service-call handler fills it in, just before the request goes out, so a
 * secret reaches neither the package, the job payload nor the audit log.
 * Names are letters, digits and underscores, starting with a letter.
 */
export const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const SECRET_PLACEHOLDER = /\{\{\s*secrets\.([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The secrets a text names, each once, in order of appearance. */
export function secretNames(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(SECRET_PLACEHOLDER), (m) => m[1]!))];
}

/** Replaces every `{{secrets.NAME}}` by `fill(NAME)`. */
export function replaceSecrets(text: string, fill: (name: string) => string): string {
  return text.replace(SECRET_PLACEHOLDER, (_whole, name: string) => fill(name));
}

/** A placeholder path (`secrets.SCORING_KEY`) that names a secret rather than a variable. */
export const isSecretPath = (path: string): boolean => path.startsWith("secrets.");
