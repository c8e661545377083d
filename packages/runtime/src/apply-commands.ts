import { inArray } from "drizzle-orm";
import { auditEvents, groups, tasks, users, type Database } from "@baton/db";
import type { EngineCommand, Incident, InstanceState } from "@baton/engine";

/**
 * Carries out the engine's commands inside the caller's transaction: tasks
 * become rows, decisions and variable changes become audit events. Returns
 * the new task ids and the state, which may gain an incident when a command
 * names a user or group Baton does not know (the task is then created
 * unassigned, so no work is lost, and an admin can see why).
 */
export type ApplyContext = { instanceId: string; actorId: string; now: string; newId: () => string };

export async function applyCommands(
  tx: Database,
  ctx: ApplyContext,
  state: InstanceState,
  commands: EngineCommand[],
): Promise<{ state: InstanceState; createdTaskIds: string[] }> {
  const createdTaskIds: string[] = [];
  let next = state;
  const audit = (type: string, data: Record<string, unknown>, taskId?: string) =>
    tx.insert(auditEvents).values({ instanceId: ctx.instanceId, taskId, actorId: ctx.actorId, type, data, at: ctx.now });

  const usernames = commands.flatMap((c) => (c.type === "createTask" && c.assignee ? [c.assignee] : []));
  const groupKeys = commands.flatMap((c) => (c.type === "createTask" && c.candidateGroup ? [c.candidateGroup] : []));
  const userIds = new Map(
    usernames.length
      ? (await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, usernames))).map((u) => [u.username, u.id])
      : [],
  );
  const groupIds = new Map(
    groupKeys.length
      ? (await tx.select({ id: groups.id, key: groups.key }).from(groups).where(inArray(groups.key, groupKeys))).map((g) => [g.key, g.id])
      : [],
  );

  for (const command of commands) {
    switch (command.type) {
      case "createTask": {
        const assigneeId = command.assignee ? userIds.get(command.assignee) ?? null : null;
        const candidateGroupId = command.candidateGroup ? groupIds.get(command.candidateGroup) ?? null : null;
        const [row] = await tx
          .insert(tasks)
          .values({
            instanceId: ctx.instanceId,
            tokenId: command.tokenId,
            stepId: command.stepId,
            name: command.name,
            assigneeId,
            candidateGroupId,
            dueAt: command.dueAt,
            createdAt: ctx.now,
          })
          .returning({ id: tasks.id });
        createdTaskIds.push(row!.id);
        await audit("task.created", { stepId: command.stepId, name: command.name, assignee: command.assignee, candidateGroup: command.candidateGroup, dueAt: command.dueAt }, row!.id);
        const missing =
          command.assignee && !assigneeId
            ? `user "${command.assignee}"`
            : command.candidateGroup && !candidateGroupId
              ? `group "${command.candidateGroup}"`
              : null;
        if (missing) {
          const incident: Incident = {
            id: ctx.newId(),
            stepId: command.stepId,
            code: "assignment.error",
            message: `Task "${command.name}" is assigned to ${missing}, who does not exist in Baton; it was created unassigned.`,
            at: ctx.now,
          };
          next = { ...next, status: "incident", incidents: [...next.incidents, incident] };
          await audit("incident.raised", incident, row!.id);
        }
        break;
      }
      case "decisionTaken":
        await audit("decision.taken", { stepId: command.stepId, connectionId: command.connectionId, reason: command.reason });
        break;
      case "variablesChanged":
        await audit("variables.changed", { stepId: command.stepId, changes: command.changes });
        break;
      case "raiseIncident":
        await audit("incident.raised", command.incident);
        break;
      case "endInstance":
        await audit("instance.completed", {});
        break;
    }
  }
  return { state: next, createdTaskIds };
}
