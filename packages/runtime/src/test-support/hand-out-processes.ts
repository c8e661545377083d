import type { Assignment, ProcessDefinitionInput } from "@baton/model";
import type { Database } from "@baton/db";
import { ensureGroup, ensureUser } from "../directory.ts";

/** One task for whoever the assignment names, then the end: what hand-out and reassign tests start. */
export function oneTaskProcess(key: string, assignment: Assignment, taskName = "Sort the ticket"): ProcessDefinitionInput {
  return {
    schemaVersion: 1,
    key,
    name: `One task ${key}`,
    steps: [
      { id: "start", kind: "start", name: "Ticket", position: { x: 0, y: 0 }, starters: [] },
      { id: "sort", kind: "userTask", name: taskName, position: { x: 100, y: 0 }, assignment, form: { schemaVersion: 1, blocks: [] } },
      { id: "done", kind: "end", name: "Done", position: { x: 300, y: 0 } },
    ],
    connections: [
      { id: "c1", source: "start", target: "sort" },
      { id: "c2", source: "sort", target: "done" },
    ],
  };
}

/** A task for `first` ("Read the ticket"), then one for `then` ("Sort the ticket"): what completing the first creates. */
export function twoTaskProcess(key: string, first: Assignment, then: Assignment): ProcessDefinitionInput {
  const process = oneTaskProcess(key, then);
  const read = { id: "read", kind: "userTask" as const, name: "Read the ticket", position: { x: 50, y: 0 }, assignment: first, form: { schemaVersion: 1 as const, blocks: [] } };
  return {
    ...process,
    steps: [...process.steps, read],
    connections: [{ id: "c0", source: "start", target: "read" }, { id: "c1", source: "read", target: "sort" }, ...process.connections.filter((c) => c.source !== "start")],
  };
}

/** A group of participants of its own (password `<name>-demo`), so a test's counts meet nobody else's work. */
export async function groupOf(db: Database, key: string, usernames: string[]): Promise<void> {
  await ensureGroup(db, key, `Group ${key}`);
  for (const username of usernames) {
    await ensureUser(db, { username, displayName: `${username[0]!.toUpperCase()}${username.slice(1)} Test`, role: "participant", password: `${username}-demo`, groups: [key] });
  }
}
