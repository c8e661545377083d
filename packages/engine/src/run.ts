import type { Connection, ProcessDefinition } from "@baton/model";
import { type FeelOutcome, evaluateFeel } from "./feel.ts";
import type { Graph } from "./graph.ts";
import type { BusinessError, EngineCommand, EngineEnv, Incident, InstanceState, MessageSubscription, Timer, Token } from "./types.ts";

/**
 * One engine step in progress: the working copy of the state, the commands
 * emitted so far and the tokens still moving. Elements change the run only
 * through these methods, so "where can a token be" stays in one place:
 * moving (in `moving`), waiting (in `state.tokens`), or consumed (nowhere).
 */
export class Run {
  /** Tokens on their way to a step; `runTokens` delivers them in order. */
  readonly moving: Token[] = [];
  readonly commands: EngineCommand[] = [];

  constructor(
    readonly definition: ProcessDefinition,
    readonly graph: Graph,
    readonly env: EngineEnv,
    readonly state: InstanceState,
  ) {}

  emit(command: EngineCommand): void {
    this.commands.push(command);
  }

  /**
   * A fresh token travels along the connection to its target. It belongs
   * where the token `from` that leaves belongs (`parentId`: inside the
   * same run of a sub-process, or at the top level).
   */
  moveAlong(connection: Connection, from: Token): void {
    this.moving.push({ id: this.env.newId(), stepId: connection.target, via: connection.id, ...(from.parentId !== undefined ? { parentId: from.parentId } : {}) });
  }

  /**
   * The token leaves its step by every outgoing connection (one is the usual
   * case; more run in parallel, as in BPMN). A step with none ends its path there.
   */
  leaveByAll(from: Token): void {
    for (const connection of this.graph.outgoing(from.stepId)) this.moveAlong(connection, from);
  }

  /** Takes a waiting token out of the waiting ones (it moves on, or is cancelled). */
  unwait(token: Token): void {
    const at = this.state.tokens.indexOf(token);
    if (at >= 0) this.state.tokens.splice(at, 1);
  }

  /** The token stays at its step until an event moves it on. */
  wait(token: Token): void {
    this.state.tokens.push(token);
  }

  /** The token cannot go on: it waits at its step under an open incident. */
  raiseIncident(token: Token, code: Incident["code"], message: string, error?: BusinessError): void {
    const incident: Incident = { id: this.env.newId(), stepId: token.stepId, code, message, at: this.env.now, tokenId: token.id, ...(error ? { error } : {}) };
    this.state.incidents.push(incident);
    this.wait(token);
    this.emit({ type: "raiseIncident", incident });
  }

  /**
   * An incident that stops no token (e.g. an escalation alert with no one
   * to go to): open and visible until an admin retries it, which resolves it.
   */
  noteIncident(stepId: string, code: Incident["code"], message: string): void {
    const incident: Incident = { id: this.env.newId(), stepId, code, message, at: this.env.now };
    this.state.incidents.push(incident);
    this.emit({ type: "raiseIncident", incident });
  }

  /** Keeps a timer in the state and asks the runtime to fire it. */
  schedule(timer: Timer): void {
    (this.state.timers ??= []).push(timer);
    this.emit({ type: "scheduleTimer", timer });
  }

  /** Drops the token's timers (its task was completed, its wait is over). */
  cancelTimersOf(tokenId: string): void {
    const timers = this.state.timers ?? [];
    for (const timer of timers.filter((t) => t.tokenId === tokenId)) {
      timers.splice(timers.indexOf(timer), 1);
      this.emit({ type: "cancelTimer", timerId: timer.id });
    }
  }

  /** Keeps a message subscription in the state and asks the runtime to keep it. */
  subscribe(subscription: MessageSubscription): void {
    (this.state.messages ??= []).push(subscription);
    this.emit({ type: "waitForMessage", ...subscription });
  }

  /** Drops the token's message subscriptions (it waits for them no longer). */
  stopWaitingOf(tokenId: string): void {
    const messages = this.state.messages ?? [];
    for (const subscription of messages.filter((m) => m.tokenId === tokenId)) {
      messages.splice(messages.indexOf(subscription), 1);
      this.emit({ type: "stopWaiting", ...subscription });
    }
  }

  /** FEEL over the process variables plus `initiator` (who started the instance). */
  evaluate(expression: string): FeelOutcome {
    return this.evaluateOver(expression, { ...this.state.variables, initiator: this.state.startedBy });
  }

  /** FEEL over any context, with the event's clock in the definition's time zone. */
  evaluateOver(expression: string, context: Record<string, unknown>): FeelOutcome {
    return evaluateFeel(expression, context, { now: this.env.now, timeZone: this.timeZone });
  }

  /** The zone for calendar rules; never the host's (a definition that skipped parsing has none). */
  get timeZone(): string {
    return this.definition.timeZone || "UTC";
  }

  /** A step's name for people, falling back to its id. */
  label(stepId: string): string {
    const { name } = this.graph.step(stepId);
    return name ? `"${name}" (${stepId})` : `"${stepId}"`;
  }
}
