import { replaceSecrets, secretNames } from "@baton/model";
import type { ServiceRequest } from "@baton/engine";

/**
 * The deployment's secrets for service calls, by name (read and checked in
 * apps/server `env.ts`, from `BATON_SECRET_<NAME>` and `BATON_SECRETS_FILE`).
 * Passed down as an option like the mail settings; a process names one as
 * `{{secrets.NAME}}` in a service call's URL or header values.
 */
export type ServiceSecrets = Readonly<Record<string, string>>;

export type FilledRequest =
  | { ok: true; request: ServiceRequest; redact: (text: string) => string }
  | { ok: false; missing: string[] };

/**
 * The request as it goes on the wire: every `{{secrets.NAME}}` in the URL
 * and header values replaced by the secret (as it is, unencoded: a secret
 * may be a whole base address). Only here, in memory, just before the
 * call: what is stored (the job payload, the audit log, an incident)
 * keeps the placeholder. `redact` takes the secrets' values back out of a
 * text (an error a library wrote with a header value in it) before it is
 * stored. A secret the deployment has not configured: `missing`.
 */
export function fillSecrets(request: ServiceRequest, secrets: ServiceSecrets): FilledRequest {
  const named = [request.url, ...request.headers.map((h) => h.value)].flatMap(secretNames);
  const missing = [...new Set(named.filter((name) => !Object.hasOwn(secrets, name)))];
  if (missing.length > 0) return { ok: false, missing };
  const fill = (text: string) => replaceSecrets(text, (name) => secrets[name]!);
  const used = [...new Set(named)].map((name) => ({ name, value: secrets[name]! })).filter((s) => s.value.length >= 4) // shorter ones would garble the text more than they hide;
  return {
    ok: true,
    request: { ...request, url: fill(request.url), headers: request.headers.map((h) => ({ name: h.name, value: fill(h.value) })) },
    redact: (text) => used.reduce((out, { name, value }) => out.split(value).join(`{{secrets.${name}}}`), text),
  };
}

/** Says which secrets a call needs and how a server is given them. */
export function missingSecretsMessage(missing: string[]): string {
  const names = missing.map((name) => `{{secrets.${name}}}`).join(", ");
  const settings = missing.map((name) => `BATON_SECRET_${name}`).join(", ");
  const one = missing.length === 1;
  return `needs the secret${one ? "" : "s"} ${names}, which this server does not have: set ${settings} (or add ${one ? "it" : "them"} to BATON_SECRETS_FILE), restart the server and retry the incident`;
}
