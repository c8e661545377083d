import type { Connection, ProcessDefinition, Step } from "../process-definition.ts";
import { variablesWritten } from "../variables-written.ts";
import type { AspectChange, ConnectionAspect, ConnectionChange, ConnectionRef, PackageDiff, StepRef } from "./diff-types.ts";
import { formChanges } from "./form-changes.ts";
import { stepChanges } from "./step-changes.ts";

/**
 * What changed from version `a` to version `b` of a process. Pure: two
 * definitions in, data out. Steps and connections are matched by id (the
 * studio keeps ids stable while editing, and instance migration maps by
 * them too), form fields by key, variables by name.
 */
export function diffPackages(a: ProcessDefinition, b: ProcessDefinition): PackageDiff {
  const stepsA = byId(a.steps);
  const stepsB = byId(b.steps);
  const nameInA = nameLookup(stepsA);
  const nameInB = nameLookup(stepsB);
  const outgoingA = outgoingOf(a.connections);
  const outgoingB = outgoingOf(b.connections);

  const diff: PackageDiff = {
    process: processChanges(a, b),
    steps: { added: [], removed: [], changed: [] },
    connections: { added: [], removed: [], changed: [] },
    forms: [],
    variables: { added: [], removed: [] },
    layoutChanged: false,
    unchanged: false,
  };
  for (const step of b.steps) if (!stepsA.has(step.id)) diff.steps.added.push(refOf(step));
  for (const step of a.steps) {
    const next = stepsB.get(step.id);
    if (!next) {
      diff.steps.removed.push(refOf(step));
      continue;
    }
    const ref = refOf(next);
    const form = formChanges(ref, step, next);
    if (form) diff.forms.push(form);
    const changes = stepChanges(
      { step, outgoing: outgoingA.get(step.id) ?? [], nameOf: nameInA },
      { step: next, outgoing: outgoingB.get(step.id) ?? [], nameOf: nameInB },
      form,
    );
    if (changes.length > 0) diff.steps.changed.push({ ...ref, changes });
    if (JSON.stringify([step.position, sizeOf(step)]) !== JSON.stringify([next.position, sizeOf(next)])) diff.layoutChanged = true;
  }

  const connectionsA = byId(a.connections);
  const connectionsB = byId(b.connections);
  for (const c of b.connections) if (!connectionsA.has(c.id)) diff.connections.added.push(connectionRef(c, nameInB));
  for (const c of a.connections) {
    const next = connectionsB.get(c.id);
    if (!next) {
      diff.connections.removed.push(connectionRef(c, nameInA));
      continue;
    }
    const changes = connectionChanges(c, next);
    if (changes.length > 0) diff.connections.changed.push({ id: c.id, before: connectionRef(c, nameInA), after: connectionRef(next, nameInB), changes });
  }

  const variablesA = variablesOf(a);
  const variablesB = variablesOf(b);
  diff.variables.added = [...variablesB].filter((v) => !variablesA.has(v)).sort();
  diff.variables.removed = [...variablesA].filter((v) => !variablesB.has(v)).sort();

  diff.unchanged =
    diff.process.length === 0 &&
    diff.steps.added.length + diff.steps.removed.length + diff.steps.changed.length === 0 &&
    diff.connections.added.length + diff.connections.removed.length + diff.connections.changed.length === 0 &&
    diff.forms.length === 0 &&
    diff.variables.added.length + diff.variables.removed.length === 0;
  return diff;
}

function processChanges(a: ProcessDefinition, b: ProcessDefinition): AspectChange[] {
  const changes: AspectChange[] = [];
  const add = (label: string, before: string, after: string) => {
    if (before !== after) changes.push({ aspect: "setting", label, before, after });
  };
  add("Process name", a.name, b.name);
  add("Description", a.description ?? "", b.description ?? "");
  add("Time zone", a.timeZone, b.timeZone);
  const blocks = (d: ProcessDefinition) => d.usedBlocks.map((u) => `${u.key} v${u.version}`).sort().join(", ") || "none";
  add("Blocks used", blocks(a), blocks(b));
  return changes;
}

const CONNECTION_FIELDS: [ConnectionAspect, (c: Connection) => unknown][] = [
  ["source", (c) => c.source],
  ["target", (c) => c.target],
  ["condition", (c) => c.condition?.trim() || undefined],
  ["label", (c) => c.label?.trim() || undefined],
  ["default", (c) => c.isDefault === true],
];

function connectionChanges(a: Connection, b: Connection): ConnectionAspect[] {
  return CONNECTION_FIELDS.filter(([, read]) => read(a) !== read(b)).map(([aspect]) => aspect);
}

function connectionRef(c: Connection, nameOf: (id: string) => string): ConnectionRef {
  const ref: ConnectionRef = { id: c.id, source: c.source, target: c.target, sourceName: nameOf(c.source), targetName: nameOf(c.target) };
  if (c.label?.trim()) ref.label = c.label.trim();
  if (c.condition?.trim()) ref.condition = c.condition.trim();
  if (c.isDefault) ref.isDefault = true;
  return ref;
}

function refOf(step: Step): StepRef {
  return { id: step.id, name: step.name, kind: step.kind };
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function nameLookup(steps: Map<string, Step>): (id: string) => string {
  return (id) => {
    const step = steps.get(id);
    return step ? step.name.trim() || step.id : id;
  };
}

function outgoingOf(connections: Connection[]): Map<string, Connection[]> {
  const out = new Map<string, Connection[]>();
  for (const c of connections) out.set(c.source, [...(out.get(c.source) ?? []), c]);
  return out;
}

function sizeOf(step: Step): unknown {
  return step.kind === "subProcess" ? step.size : undefined;
}

function variablesOf(definition: ProcessDefinition): Set<string> {
  return new Set(definition.steps.flatMap(variablesWritten));
}
