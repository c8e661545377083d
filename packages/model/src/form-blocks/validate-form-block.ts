import { userTaskStepSchema, type ProcessDefinition } from "../process-definition.ts";
import type { Problem } from "../problems.ts";
import { createContext } from "../validation/context.ts";
import { checkForms } from "../validation/form-checks.ts";
import { schemaProblems } from "../validation/schema-problems.ts";
import { formBlockDocumentSchema } from "./form-block-format.ts";

/**
 * Every problem of a form block at once, with `path`s into the document.
 * The form checks of a process run over the block as the form of a lone
 * task; "options from a variable no earlier step provides" is left out,
 * because the variables come from the process the block goes into.
 */
export function validateFormBlock(doc: unknown): Problem[] {
  const parsed = formBlockDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    return schemaProblems(parsed.error.issues, doc).map((p) => ({ ...p, message: p.message.replace(/^Process\b/, "Form block") }));
  }
  const block = parsed.data;
  const host: ProcessDefinition = {
    schemaVersion: 1,
    key: block.key,
    name: block.name,
    timeZone: "UTC",
    usedBlocks: [],
    connections: [],
    steps: [
      userTaskStepSchema.parse({
        id: "form-block",
        kind: "userTask",
        name: block.name,
        position: { x: 0, y: 0 },
        assignment: { type: "expression", expression: "initiator" },
        form: { schemaVersion: 1, blocks: block.blocks },
      }),
    ],
  };
  const problems: Problem[] = [];
  checkForms(createContext(host, problems));
  return problems
    .filter((p) => p.code !== "form.unknown-variable")
    .map(({ stepId: _stepId, ...p }) => ({
      ...p,
      message: p.message.replace(/the form of Task "[^"]*"/g, `form block "${block.name}"`),
      path: p.path && p.path[0] === "steps" ? ["blocks", ...p.path.slice(4)] : p.path,
    }));
}
