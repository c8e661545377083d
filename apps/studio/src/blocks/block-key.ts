/**
 * A block key from its name, as the Save as block dialog proposes it:
 * "Manager approval (2 levels)" → "manager-approval-2-levels". Keys follow
 * the process key rule (lower-case letters, digits and -, starting with a
 * letter, at most 63 characters); letters with accents lose them.
 * Returns "" when the name has nothing to build a key from.
 */
export function blockKeyFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}
