import type { z } from "zod";
import type { Problem } from "../problems.ts";

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/**
 * Turns zod issues into `schema.invalid` problems that say where, in words
 * and as a path, and point at the step, connection or form field involved.
 *
 * zod reports a failed union (a form block is a field or a section) as one
 * issue holding every branch's issues; we pick the branch the input meant,
 * told by its discriminator (`type`/`kind`), so the analyst reads "label is
 * required" rather than "Invalid input".
 */
export function schemaProblems(issues: readonly Issue[], input: unknown): Problem[] {
  return issues.flatMap((issue) => flatten(issue, [])).map((issue) => toProblem(issue, input));
}

/** An issue at its full path; `message` replaces zod's when we know better. */
type Flat = { path: Path; issue: Issue; message?: string };

function flatten(issue: Issue, prefix: Path): Flat[] {
  const path = [...prefix, ...issue.path.map(pathKey)];
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [{ path, issue }];
  const matching = issue.errors.filter((branch) => !discriminatorIssue(branch));
  if (matching.length === 0) {
    const key = String(discriminatorIssue(issue.errors[0] ?? [])?.path[0] ?? "type");
    const allowed = issue.errors.flatMap((branch) => allowedValues(discriminatorIssue(branch)));
    return [{ path: [...path, key], issue, message: `must be one of ${allowed.join(", ")}` }];
  }
  const best = matching.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((inner) => flatten(inner, path));
}

const DISCRIMINATORS = new Set(["type", "kind"]);

/** The branch's complaint about `type`/`kind`, when that is what failed. */
function discriminatorIssue(branch: Issue[]): Issue | undefined {
  return branch.find((i) => i.path.length === 1 && DISCRIMINATORS.has(String(i.path[0])));
}

function allowedValues(issue: Issue | undefined): string[] {
  if (!issue) return [];
  if (issue.code === "invalid_value") return issue.values.map(String);
  if (issue.code === "invalid_union" && "options" in issue && Array.isArray(issue.options)) {
    return issue.options.map(String);
  }
  return [];
}

function toProblem(flat: Flat, input: unknown): Problem {
  const { path } = flat;
  const problem: Problem = {
    code: "schema.invalid",
    severity: "error",
    message: "",
    path,
  };
  const subject = describeSubject(path, input, problem);
  const inItem = (path[0] === "steps" || path[0] === "connections") && typeof path[1] === "number";
  const location = (inItem ? path.slice(Math.max(2, fieldDepth(path))) : path).join(".");
  const what = flat.message ?? detail(flat.issue, path, input);
  problem.message = `${subject}${location ? `, ${location}` : ""}: ${what}.`;
  return problem;
}

/** Names the step/connection/field the path leads into and fills the ids. */
function describeSubject(path: Path, input: unknown, problem: Problem): string {
  if (path[0] === "connections" && typeof path[1] === "number") {
    const id = stringAt(input, ["connections", path[1], "id"]);
    if (id) problem.connectionId = id;
    return `Connection ${id ? `"${id}"` : `#${path[1] + 1}`}`;
  }
  if (path[0] !== "steps" || typeof path[1] !== "number") return "Process";
  const id = stringAt(input, ["steps", path[1], "id"]);
  if (id) problem.stepId = id;
  const name = stringAt(input, ["steps", path[1], "name"]) || id;
  const step = name ? `Step "${name}"` : `Step #${path[1] + 1}`;
  const depth = fieldDepth(path);
  if (depth === 0) return step;
  const blockPath = path.slice(0, depth);
  const fieldId = stringAt(input, [...blockPath, "id"]);
  if (fieldId) problem.fieldId = fieldId;
  const label = stringAt(input, [...blockPath, "label"]) || stringAt(input, [...blockPath, "title"]) || fieldId;
  return `${step}, form field ${label ? `"${label}"` : `#${Number(path[depth - 1]) + 1}`}`;
}

/** Length of the path prefix that ends at the deepest form block, or 0. */
function fieldDepth(path: Path): number {
  let depth = 0;
  for (let i = 0; i < path.length - 1; i++) {
    if ((path[i] === "blocks" || path[i] === "children") && typeof path[i + 1] === "number") depth = i + 2;
  }
  return depth;
}

function detail(issue: Issue, path: Path, input: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return valueAt(input, path) === undefined ? "is required" : `must be ${article(issue.expected)}`;
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return "must not be empty";
      break;
    case "invalid_union": {
      const allowed = allowedValues(issue);
      if (allowed.length > 0) return `must be one of ${allowed.join(", ")}`;
      break;
    }
  }
  return issue.message.replace(/^Invalid input: /, "");
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === "number" ? key : String(key);
}

function valueAt(input: unknown, path: Path): unknown {
  let here: unknown = input;
  for (const key of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

function stringAt(input: unknown, path: Path): string | undefined {
  const value = valueAt(input, path);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}
