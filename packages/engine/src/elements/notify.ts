import type { NotifyStep } from "@baton/model";
import { formatForText } from "../text-template.ts";
import type { Run } from "../run.ts";
import type { Element } from "./element.ts";

/**
 * A notify step: works out who (a user, a group's members, or FEEL
 * yielding user names), fills `{{variable}}` in the subject and message
 * with the variables as they are now, emits `notify` and moves on at once:
 * an alert never holds up the process. `emailTo` adds e-mail addresses of
 * people outside Baton (nothing when it yields null or ""). An assignment
 * or address expression that breaks, or yields something that is not an
 * e-mail address, stops the token under an incident (retry after fixing
 * the data).
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
    const emails = step.emailTo?.trim() ? emailAddresses(step.emailTo, run) : [];
    if (typeof emails === "string") {
      run.raiseIncident(token, "expression.error", `notify ${run.label(step.id)}: e-mail addresses ${emails}`);
      return;
    }
    const variables = run.state.variables;
    run.emit({
      type: "notify",
      stepId: step.id,
      users,
      groups,
      ...(emails.length ? { emails } : {}),
      subject: formatForText(step.subject, variables),
      message: formatForText(step.message, variables),
    });
    run.leaveByAll(token);
  },
};

/** A deliberately loose check: one @, something before it, a dotted domain after it, no spaces. */
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The addresses `expression` yields (distinct, trimmed), or why it cannot be used. */
function emailAddresses(expression: string, run: Run): string[] | string {
  const outcome = run.evaluate(expression);
  if (!outcome.ok) return outcome.error;
  const values = Array.isArray(outcome.value) ? outcome.value : [outcome.value];
  const addresses: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) continue;
    if (typeof value !== "string" || !EMAIL_ADDRESS.test(value.trim())) {
      return `\`${expression}\` gave ${JSON.stringify(value)}, which is not an e-mail address`;
    }
    addresses.push(value.trim());
  }
  return [...new Set(addresses)];
}
