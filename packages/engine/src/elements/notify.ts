import type { NotifyStep } from "@baton/model";
import { formatForText } from "../text-template.ts";
import type { Run } from "../run.ts";
import type { Element } from "./element.ts";

/**
 * A notify step: works out who (a user, a group's members, or FEEL
 * yielding user names), fills `{{variable}}` in the subject and message
 * with the variables as they are now, emits `notify` and moves on at once:
 * an alert never holds up the process. An assignment expression that
 * breaks stops the token under an incident.
 */
export const notifyElement: Element<"notify"> = {
  arrive(token, step: NotifyStep, run) {
    const recipients = step.recipients;
    let users: string[] = [];
    let groups: string[] = [];
    if (recipients.type === "user") users = [recipients.user];
    else if (recipients.type === "group") groups = [recipients.group];
    else {
      const outcome = run.evaluate(recipients.expression);
      if (!outcome.ok) {
        run.raiseIncident(token, "expression.error", `notify ${run.label(step.id)}: recipients ${outcome.error}`);
        return;
      }
      const value = outcome.value;
      users = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
      if (users.length === 0) {
        run.raiseIncident(token, "assignment.error", `notify ${run.label(step.id)}: recipients \`${recipients.expression}\` named nobody`);
        return;
      }
    }
    const variables = run.state.variables;
    run.emit({
      type: "notify",
      stepId: step.id,
      users,
      groups,
      subject: formatForText(step.subject, variables),
      message: formatForText(step.message, variables),
    });
    run.leaveByAll(step.id);
  },
};
