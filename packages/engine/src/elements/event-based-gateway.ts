import type { Step } from "@baton/model";
import type { Run } from "../run.ts";
import type { MessageSubscription, Timer, Token } from "../types.ts";
import type { Element } from "./element.ts";
import { correlationKey } from "./message-catch.ts";
import { timerDue } from "./timer.ts";

/**
 * An event-based gateway: the token waits at the gateway, and every event
 * after it is armed at once — a timer step's timer (`scheduleTimer`,
 * purpose `event`) and a message wait's subscription (`waitForMessage`,
 * for the gateway's token). The first to happen wins (`win`): the token
 * goes on after that event, and the other timers and subscriptions are
 * called off (`cancelTimer`, `stopWaiting`). Every key and time is worked
 * out before anything is armed, so one that breaks stops the token under
 * an incident with nothing half armed; retrying arms them all again.
 */
export const eventBasedGatewayElement: Element<"eventBasedGateway"> & { win(token: Token, event: Step, run: Run): void } = {
  arrive(token, step, run) {
    const timers: Timer[] = [];
    const subscriptions: MessageSubscription[] = [];
    for (const connection of run.graph.outgoing(step.id)) {
      const event = run.graph.step(connection.target);
      if (event.kind === "messageCatch") {
        const key = correlationKey(event, run);
        if (!key.ok) return run.raiseIncident(token, "expression.error", `event gateway ${run.label(step.id)}: ${key.message}`);
        subscriptions.push({ tokenId: token.id, stepId: event.id, name: event.message.name, key: key.key });
      } else if (event.kind === "timer") {
        const when = timerDue(event, run);
        if (!when.ok || when.dueAt === null) {
          return run.raiseIncident(token, "expression.error", `event gateway ${run.label(step.id)}: timer ${run.label(event.id)}: ${when.ok ? "no time" : when.message}`);
        }
        timers.push({ id: run.env.newId(), stepId: event.id, tokenId: token.id, dueAt: when.dueAt, purpose: { type: "event" } });
      } else {
        return run.raiseIncident(token, "step.unsupported", `event gateway ${run.label(step.id)} leads to ${run.label(event.id)}, which is no message wait or timer`);
      }
    }
    for (const timer of timers) run.schedule(timer);
    for (const subscription of subscriptions) run.subscribe(subscription);
    run.wait(token);
  },

  /**
   * `event` (a timer step or a message wait after the gateway) happened
   * first: everything else the token waited for is called off, and it now
   * stands at that event, ready to go on past it.
   */
  win(token, event, run) {
    run.unwait(token);
    run.cancelTimersOf(token.id);
    run.stopWaitingOf(token.id);
    token.stepId = event.id;
  },
};
