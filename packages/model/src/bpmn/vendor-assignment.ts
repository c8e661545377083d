import type { Assignment } from "../process-definition.ts";
import { juelBody, juelPlainVariable } from "./juel-to-feel.ts";
import { text, type ModdleElement } from "./moddle.ts";
import { CAMUNDA_NAMESPACES, findExtension, vendorAttribute, ZEEBE_NAMESPACES } from "./vendor-extensions.ts";

/**
 * Who does a user task, read from Camunda 7 attributes (`camunda:assignee`,
 * `camunda:candidateGroups`, `camunda:candidateUsers`) or Zeebe's
 * `<zeebe:assignmentDefinition>`, mapped only where Baton means the same:
 * one user, one group, or a FEEL expression naming the user. Several
 * candidates, or a JUEL expression other than a plain variable, are not
 * mapped; each such case becomes a warning naming the task.
 */
export const ASSIGNMENT_SETTINGS = ["assignee", "candidateGroups", "candidateUsers", "assignmentDefinition"];

type Value = { kind: "static"; items: string[]; raw: string } | { kind: "feel"; expression: string; raw: string } | { kind: "opaque"; raw: string };

export function readVendorAssignment(el: ModdleElement, label: string): { assignment?: Assignment; warnings: string[] } {
  const zeebe = findExtension(el, ZEEBE_NAMESPACES, "assignmentDefinition");
  const read = (name: string): Value | undefined => {
    const fromZeebe = text(zeebe, name);
    if (fromZeebe?.trim()) return zeebeValue(fromZeebe);
    const fromCamunda = vendorAttribute(el, CAMUNDA_NAMESPACES, name);
    return fromCamunda?.trim() ? camundaValue(fromCamunda) : undefined;
  };
  const assignee = read("assignee");
  const groups = read("candidateGroups");
  const users = read("candidateUsers");
  const warnings: string[] = [];
  let assignment: Assignment | undefined;

  if (assignee) {
    if (assignee.kind === "feel") assignment = { type: "expression", expression: assignee.expression };
    else if (assignee.kind === "static" && assignee.items.length === 1) assignment = { type: "user", user: assignee.items[0]! };
    else warnings.push(`${label}: its assignee ${assignee.raw} is an expression Baton cannot translate safely; assign the task in Baton.`);
  }
  if (!assignment && groups) {
    if (groups.kind === "static" && groups.items.length === 1) assignment = { type: "group", group: groups.items[0]! };
    else warnings.push(`${label}: its candidate groups ${groups.raw} were not mapped; Baton offers a task to one group (or assigns one user).`);
  } else if (groups) {
    warnings.push(`${label}: its candidate groups ${groups.raw} were not imported; Baton assigns a task to one user or one group, and the assignee was kept.`);
  }
  if (!assignment && users) {
    if (users.kind === "static" && users.items.length === 1) assignment = { type: "user", user: users.items[0]! };
    else warnings.push(`${label}: its candidate users ${users.raw} were not mapped; Baton assigns a task to one user or one group.`);
  } else if (users) {
    warnings.push(`${label}: its candidate users ${users.raw} were not imported; Baton assigns a task to one user or one group.`);
  }
  return assignment ? { assignment, warnings } : { warnings };
}

/** Zeebe: `= expr` is FEEL, anything else a static comma-separated list. */
function zeebeValue(raw: string): Value {
  const trimmed = raw.trim();
  if (trimmed.startsWith("=")) return { kind: "feel", expression: trimmed.replace(/^= ?/, "").trim(), raw: trimmed };
  return { kind: "static", items: splitList(trimmed), raw: trimmed };
}

/** Camunda 7: `${name}` becomes FEEL `name`; other JUEL is opaque. */
function camundaValue(raw: string): Value {
  const trimmed = raw.trim();
  const variable = juelPlainVariable(trimmed);
  if (variable) return { kind: "feel", expression: variable, raw: trimmed };
  if (juelBody(trimmed) !== null || trimmed.includes("${") || trimmed.includes("#{")) return { kind: "opaque", raw: trimmed };
  return { kind: "static", items: splitList(trimmed), raw: trimmed };
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
