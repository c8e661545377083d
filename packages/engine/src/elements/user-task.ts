import type { UserTaskStep } from "@baton/model";
import { resolveAssignment } from "../assignment.ts";
import { resolveDue } from "../due-date.ts";
import { scheduleEscalations } from "../escalation.ts";
import { applyOutputs } from "../output-mapping.ts";
import type { Run } from "../run.ts";
import type { EngineEvent, Token } from "../types.ts";
import type { Element } from "./element.ts";

type TaskCompleted = Extract<EngineEvent, { type: "taskCompleted" }>;

/**
 * A user task: on arrival, work out who and by when, emit `createTask` and
 * wait; the task carries the token's id, which comes back in
 * `taskCompleted`. Completion merges the submitted data into the variables
 * and moves the token on. A token that returns to the same task (a loop)
 * arrives with a new id, so every task has its own. If the output mapping
 * fails, the token stays at the task under an incident; retrying it creates
 * the task again, since the submitted data is not kept in the state. A task
 * with a due date schedules its escalation levels (escalation.ts);
 * completing it cancels those not yet fired.
 */
export const userTaskElement: Element<"userTask"> & {
  complete(token: Token, step: UserTaskStep, event: TaskCompleted, run: Run): void;
} = {
  arrive(token, step, run) {
    const assignment = resolveAssignment(step.assignment, run);
    if (!assignment.ok) {
      run.raiseIncident(token, assignment.code, `task ${run.label(step.id)}: ${assignment.message}`);
      return;
    }
    const due = resolveDue(step.due, run);
    if (!due.ok) {
      run.raiseIncident(token, "expression.error", `task ${run.label(step.id)}: ${due.message}`);
      return;
    }
    run.emit({
      type: "createTask",
      tokenId: token.id,
      stepId: step.id,
      name: step.name || step.id,
      assignee: assignment.assignee,
      candidateGroup: assignment.candidateGroup,
      ...(assignment.strategy ? { strategy: assignment.strategy } : {}),
      dueAt: due.dueAt,
    });
    scheduleEscalations(token, step.id, step.escalations, due.dueAt, run);
    run.wait(token);
  },

  /** The token has already been taken out of the waiting tokens. */
  complete(token, step, event, run) {
    run.cancelTimersOf(token.id);
    const mapped = applyOutputs(step.outputs, event.data, run, event.completedBy);
    if (!mapped.ok) {
      run.raiseIncident(token, "expression.error", `task ${run.label(step.id)}: ${mapped.error}`);
      return;
    }
    if (Object.keys(mapped.changes).length > 0) {
      run.emit({ type: "variablesChanged", stepId: step.id, changes: mapped.changes });
    }
    run.leaveByAll(token);
  },
};
