import { deepStrictEqual } from "node:assert/strict";
import type { ProcessDefinition } from "@baton/model";
import { step } from "../step.ts";
import type { EngineCommand, EngineEvent, Incident, InstanceState, Timer } from "../types.ts";

export type CreateTask = Extract<EngineCommand, { type: "createTask" }>;
export type DecisionTaken = Extract<EngineCommand, { type: "decisionTaken" }>;

/**
 * A scenario drives one instance the way the runtime does, so tests read as
 * stories: `given(process).at(t).whenStarted(data)` then look at `status`,
 * `openTasks`, `commands`. Between events the state is stored and reloaded
 * as JSON (and must survive that unchanged), and the state handed to the
 * engine is frozen, so any mutation of its input fails the test. Ids are
 * `id-1`, `id-2`, ... and the clock only moves when told to.
 */
export function given(definition: ProcessDefinition): Scenario {
  return new Scenario(definition);
}

export class Scenario {
  state: InstanceState | undefined;
  /** Commands of the last event. */
  commands: EngineCommand[] = [];
  /** Every command so far, in order. */
  readonly history: EngineCommand[] = [];
  /** Tasks created and not yet completed, as the runtime would keep them. */
  readonly openTasks: CreateTask[] = [];
  now = "2024-03-29T09:00:00.000Z";
  private nextId = 1;

  constructor(readonly definition: ProcessDefinition) {}

  /** The directory's groups, for approvals by a group's members. */
  members: Record<string, string[]> | undefined;

  withGroups(members: Record<string, string[]>): this {
    this.members = members;
    return this;
  }

  at(now: string): this {
    this.now = now;
    return this;
  }

  whenStarted(data: Record<string, unknown> = {}, startedBy = "alice"): this {
    return this.send({ type: "started", data, startedBy });
  }

  /** Completes the one open task at `stepId`. */
  whenCompleted(stepId: string, data: Record<string, unknown> = {}, completedBy = "bob"): this {
    return this.send({ type: "taskCompleted", tokenId: this.task(stepId).tokenId, data, completedBy });
  }

  /** Votes on the open approval task of `username` at `stepId`. */
  whenVoted(stepId: string, username: string, decision: "approve" | "reject", comment = ""): this {
    const task = this.openTasks.find((t) => t.stepId === stepId && t.assignee === username) ?? this.openTasks.find((t) => t.stepId === stepId && t.assignee === null);
    if (!task) throw new Error(`no open approval task at "${stepId}" for ${username} (open: ${this.openTaskSteps().join(", ") || "none"})`);
    return this.send({ type: "taskCompleted", tokenId: task.tokenId, data: { decision, comment }, completedBy: username });
  }

  /** A message `name` with correlation key `key` comes in, carrying `payload`. */
  whenMessage(name: string, key: string, payload: Record<string, unknown> = {}): this {
    return this.send({ type: "messageReceived", name, key, payload });
  }

  whenRetried(incidentId: string, variables?: Record<string, unknown>): this {
    return this.send({ type: "incidentRetried", incidentId, ...(variables ? { variables } : {}) });
  }

  /** Timers waiting in the state, soonest first. */
  get timers(): Timer[] {
    return [...(this.state?.timers ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /**
   * Moves the clock to `now` and fires every timer due by then, soonest
   * first, as the runtime's job worker would (each at its own due time).
   * `commands` then holds what all of them emitted.
   */
  advanceTo(now: string): this {
    const emitted: EngineCommand[] = [];
    for (let due = this.timers[0]; due && due.dueAt <= now; due = this.timers[0]) {
      this.now = due.dueAt;
      this.send({ type: "timerFired", timerId: due.id });
      emitted.push(...this.commands);
    }
    this.now = now;
    this.commands = emitted;
    return this;
  }

  send(event: EngineEvent): this {
    const input = this.state === undefined ? undefined : deepFreeze(structuredClone(this.state));
    const members = this.members;
    const result = step(this.definition, input, event, {
      now: this.now,
      newId: () => `id-${this.nextId++}`,
      ...(members ? { groupMembers: (key: string) => members[key] ?? [] } : {}),
    });
    const stored: InstanceState = JSON.parse(JSON.stringify(result.state));
    deepStrictEqual(stored, result.state, "the state must survive a JSON round trip unchanged");
    this.state = stored;
    this.commands = result.commands;
    this.history.push(...result.commands);
    if (event.type === "taskCompleted") {
      const done = this.openTasks.findIndex((t) => t.tokenId === event.tokenId);
      if (done >= 0) this.openTasks.splice(done, 1);
    }
    for (const cancelled of result.commands) {
      if (cancelled.type !== "cancelTask") continue;
      const at = this.openTasks.findIndex((t) => t.tokenId === cancelled.tokenId);
      if (at >= 0) this.openTasks.splice(at, 1);
    }
    this.openTasks.push(...this.created());
    return this;
  }

  get status(): InstanceState["status"] | undefined {
    return this.state?.status;
  }

  get variables(): Record<string, unknown> {
    return this.state?.variables ?? {};
  }

  /** The one open task at `stepId`. */
  task(stepId: string): CreateTask {
    const found = this.openTasks.filter((t) => t.stepId === stepId);
    if (found.length !== 1) {
      throw new Error(`expected one open task at "${stepId}", found ${found.length} (open: ${this.openTaskSteps().join(", ") || "none"})`);
    }
    return found[0] as CreateTask;
  }

  openTaskSteps(): string[] {
    return this.openTasks.map((t) => t.stepId);
  }

  /** Tasks the last event created. */
  created(): CreateTask[] {
    return this.commands.filter((c): c is CreateTask => c.type === "createTask");
  }

  decisions(): DecisionTaken[] {
    return this.commands.filter((c): c is DecisionTaken => c.type === "decisionTaken");
  }

  /** Incidents the last event raised. */
  raised(): Incident[] {
    return this.commands.flatMap((c) => (c.type === "raiseIncident" ? [c.incident] : []));
  }

  commandTypes(): EngineCommand["type"][] {
    return this.commands.map((c) => c.type);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
