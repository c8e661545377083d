import type { EscalationLevel } from "@baton/model";
import { resolveAssignment } from "./assignment.ts";
import type { Run } from "./run.ts";
import { formatForText } from "./text-template.ts";
import { addIsoDuration, parseIsoDuration } from "./time/iso-duration.ts";
import type { Recipient, Timer, Token } from "./types.ts";

/**
 * Escalation of a task that stays open past its due date. When the task is
 * created, each level becomes a timer at due date + `after`; completing
 * the task cancels the ones not yet fired. When one fires, the engine
 * works out the recipient (FEEL over the variables as they are then) and
 * emits `escalateTask`; the runtime sends the alert or moves the task.
 * Levels whose wait does not parse were refused at publishing; one that
 * slipped through is skipped rather than stopping the task.
 */
export function scheduleEscalations(token: Token, stepId: string, levels: readonly EscalationLevel[] | undefined, dueAt: string | null, run: Run): void {
  if (!levels?.length || dueAt === null) return;
  const due = Date.parse(dueAt);
  levels.forEach((level, i) => {
    const after = parseIsoDuration(level.after);
    if (!after) return;
    run.schedule({
      id: run.env.newId(),
      stepId,
      tokenId: token.id,
      dueAt: new Date(addIsoDuration(due, after, run.timeZone)).toISOString(),
      purpose: { type: "escalation", level: i + 1 },
    });
  });
}

/** A level's time has come: the alert or hand-over for the runtime to carry out. */
export function escalate(timer: Timer & { purpose: { type: "escalation" } }, levels: readonly EscalationLevel[] | undefined, run: Run): void {
  const level = levels?.[timer.purpose.level - 1];
  if (!level) return;
  let to: Recipient | null = null;
  if (level.to) {
    const resolved = resolveAssignment(level.to, run);
    if (!resolved.ok) {
      // The task itself is fine; only the alert cannot go out: visible, not blocking.
      run.noteIncident(timer.stepId, resolved.code, `escalation level ${timer.purpose.level} of ${run.label(timer.stepId)}: ${resolved.message}`);
      return;
    }
    to = { assignee: resolved.assignee, candidateGroup: resolved.candidateGroup };
  }
  run.emit({ type: "escalateTask", tokenId: timer.tokenId, stepId: timer.stepId, level: timer.purpose.level, action: level.action, to, message: level.message ? formatForText(level.message, run.state.variables) : null });
}
