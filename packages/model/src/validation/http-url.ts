import { replaceSecrets } from "../secret-placeholder.ts";

/**
 * An absolute http(s) address with a host, as a service call needs:
 * `https://crm.example.com/api/leads`. A `{{secrets.NAME}}` stands for a
 * part the deployment configures: at the very start, the whole base
 * address (`{{secrets.SCORING_URL}}/v2`); elsewhere, a piece of the host
 * or path (`https://{{secrets.CRM_HOST}}/api`).
 */
export function isHttpUrl(text: string): boolean {
  const trimmed = text.trim();
  const withBase = /^\{\{\s*secrets\.[A-Za-z][A-Za-z0-9_]*\s*\}\}/.exec(trimmed);
  const standIn = withBase ? `https://secret.example${trimmed.slice(withBase[0].length)}` : trimmed;
  let url: URL;
  try {
    url = new URL(replaceSecrets(standIn, () => "secret"));
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
}
