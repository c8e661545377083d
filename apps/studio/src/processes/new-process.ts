import { PROCESS_SCHEMA_VERSION, processKeySchema, type ProcessDefinition } from "@baton/model";

/** "Support request (v2)!" → "support-request-v2": a process key from a name. */
export function keyFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  if (!slug) return "";
  return /^[a-z]/.test(slug) ? (slug.length >= 2 ? slug : `${slug}-process`) : `p-${slug}`.slice(0, 63);
}

/** Why a key cannot be used, or null. */
export function keyProblem(key: string, taken: readonly string[]): string | null {
  if (!processKeySchema.safeParse(key).success) return "Use 2 to 63 lower-case letters, digits and -, starting with a letter.";
  if (taken.includes(key)) return `A process with the key “${key}” already exists.`;
  return null;
}

/** An empty canvas to start from: a start and an end, not yet connected. */
export function newProcessDefinition(key: string, name: string): ProcessDefinition {
  return {
    schemaVersion: PROCESS_SCHEMA_VERSION,
    key,
    name: name.trim(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    steps: [
      { id: "start", kind: "start", name: "Start", position: { x: 80, y: 182 }, starters: [] },
      { id: "end", kind: "end", name: "End", position: { x: 560, y: 182 } },
    ],
    connections: [],
    usedBlocks: [],
  };
}
