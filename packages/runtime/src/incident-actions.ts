import { auditEvents, type Database } from "@baton/db";
import type { EngineEvent, InstanceState } from "@baton/engine";
import { requireRole, type Actor } from "./actor.ts";
import { conflict, invalidInput, notFound } from "./errors.ts";
import { requireId } from "./ids.ts";
import type { MailSettings } from "./mail-settings.ts";
import { lockInstance } from "./lock-instance.ts";
import { loadPackage } from "./package-cache.ts";
import { stepInstance } from "./step-instance.ts";

/**
 * What an admin does about an open incident on an instance, in one
 * transaction with the instance row locked:
 * - retry: the stuck token runs its step again (a service call calls again,
 *   with the same idempotency key; a decision is decided again); an
 *   incident that stops no token is resolved;
 * - skip (service calls only): the token moves on without calling.
 * Either may first correct variables (top-level keys, merged), e.g. a
 * wrong customer number, or on a skip the values the answer would have
 * brought. Both are audited with who did it and the variables given.
 */
export type IncidentAction = { instanceId: string; incidentId: string; variables?: Record<string, unknown> };
export type IncidentActionResult = { instanceId: string; status: InstanceState["status"] };
/** `mail`: what the step then sets off (a notify step) goes by e-mail too. */
export type IncidentActionOptions = { now?: Date; mail?: MailSettings | null };

export async function retryIncident(db: Database, actor: Actor, input: IncidentAction, options: IncidentActionOptions = {}): Promise<IncidentActionResult> {
  requireRole(actor, ["admin"], "retry incidents");
  return act(db, actor, "incidentRetried", input, options);
}

export async function skipIncident(db: Database, actor: Actor, input: IncidentAction, options: IncidentActionOptions = {}): Promise<IncidentActionResult> {
  requireRole(actor, ["admin"], "skip incidents");
  return act(db, actor, "incidentSkipped", input, options);
}

async function act(db: Database, actor: Actor, type: "incidentRetried" | "incidentSkipped", input: IncidentAction, options: IncidentActionOptions): Promise<IncidentActionResult> {
  const now = options.now ?? new Date();
  const instanceId = requireId(input.instanceId, "Instance");
  const variables = input.variables;
  if (variables !== undefined && (typeof variables !== "object" || variables === null || Array.isArray(variables))) {
    throw invalidInput("The variables to correct must be an object of names and values.");
  }
  return db.transaction(async (tx) => {
    const instance = await lockInstance(tx, instanceId);
    if (!instance) throw notFound(`Instance "${input.instanceId}"`);
    if (instance.status === "cancelled") throw conflict("The instance was cancelled; its incidents can no longer be retried or skipped.");
    const state = instance.state as InstanceState;
    const incident = state.incidents.find((i) => i.id === input.incidentId);
    if (!incident) throw notFound(`Open incident "${input.incidentId}" on this instance`);
    if (state.status === "completed") throw conflict("The instance has completed; its incidents can no longer be retried or skipped.");
    if (type === "incidentSkipped") {
      const token = state.tokens.find((t) => t.id === incident.tokenId);
      const at = token && (await loadPackage(tx, instance.packageVersionId)).definition.steps.find((s) => s.id === token.stepId);
      if (at?.kind !== "serviceCall") {
        throw conflict(`Only a stuck service call can be skipped; this incident (${incident.code}) ${at ? `is at a ${at.kind} step` : "stops no step"}, so retry it instead.`);
      }
    }
    const event: EngineEvent =
      type === "incidentRetried"
        ? { type, incidentId: incident.id, retriedBy: actor.username, ...(variables ? { variables } : {}) }
        : { type, incidentId: incident.id, skippedBy: actor.username, ...(variables ? { variables } : {}) };
    // First in the protocol, before what the step then does.
    await tx.insert(auditEvents).values({
      instanceId,
      actorId: actor.userId,
      type: type === "incidentRetried" ? "incident.retried" : "incident.skipped",
      data: { incidentId: incident.id, stepId: incident.stepId, code: incident.code, ...(variables ? { variables } : {}) },
      at: now.toISOString(),
    });
    const stepped = await stepInstance(tx, instanceId, event, { now, actorId: actor.userId, mail: options.mail });
    if (!stepped) throw conflict("The instance could not take this action; reload it and try again.");
    return { instanceId, status: stepped.status };
  });
}
