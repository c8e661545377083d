/**
 * `pnpm --filter @baton/model bench`: a generated 1,000-step process
 * (a chain of user tasks with a decision after every tenth that can send the
 * work back), timed for validation, BPMN export and BPMN import. Each figure
 * is the median of several runs after a warm-up, printed with its aim.
 * Aims (issue 3): validation < 50 ms, export + import < 1 s.
 */
import { performance } from "node:perf_hooks";
import { exportBpmn, hasErrors, importBpmn, processDefinitionSchema, validate, type ProcessDefinition } from "../src/index.ts";

const STEPS = 1000;
const RUNS = 7;

function generate(): ProcessDefinition {
  const tasks = STEPS - 2 - Math.floor((STEPS - 2) / 11);
  const steps: unknown[] = [{ id: "start", kind: "start", name: "Start", position: { x: 0, y: 22 } }];
  const connections: unknown[] = [];
  let previous = "start";
  let x = 100;
  for (let i = 1; i <= tasks; i++) {
    const id = `task${i}`;
    steps.push({
      id,
      kind: "userTask",
      name: `Task ${i}`,
      position: { x, y: 0 },
      assignment: { type: "group", group: "clerks" },
      due: { type: "duration", duration: "P1D" },
      form: {
        schemaVersion: 1,
        blocks: [
          { id: `f-outcome-${i}`, type: "select", key: "outcome", label: "Outcome", required: true, options: [{ value: "done", label: "Done" }, { value: "again", label: "Again" }] },
          { id: `f-note-${i}`, type: "longText", key: `note${i}`, label: "Note" },
        ],
      },
    });
    connections.push({ id: `c-${previous}-${id}`, source: previous, target: id });
    previous = id;
    x += 260;
    if (i % 10 === 0 && i < tasks) {
      const gateway = `check${i / 10}`;
      steps.push({ id: gateway, kind: "exclusiveGateway", name: `Done ${i}?`, position: { x, y: 15 } });
      connections.push({ id: `c-${id}-${gateway}`, source: id, target: gateway });
      connections.push({ id: `c-${gateway}-again`, source: gateway, target: `task${i - 9}`, label: "Again", condition: 'outcome = "again"' });
      previous = gateway;
      x += 110;
    }
  }
  steps.push({ id: "end", kind: "end", name: "End", position: { x, y: 22 } });
  connections.push({ id: `c-${previous}-end`, source: previous, target: "end" });
  // The gateways' forward connection is their default.
  for (const c of connections as { source: string; target: string; isDefault?: boolean; condition?: string }[]) {
    if (c.source.startsWith("check") && !c.condition) c.isDefault = true;
  }
  return processDefinitionSchema.parse({ schemaVersion: 1, key: "bench-1000", name: "1,000 steps", steps, connections });
}

async function median(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const definition = generate();
const problems = validate(definition);
if (definition.steps.length !== STEPS || hasErrors(problems)) {
  throw new Error(`The generated process is not a valid ${STEPS}-step process: ${definition.steps.length} steps, ${problems.length} problems (${problems[0]?.message}).`);
}
const xml = await exportBpmn(definition);
const back = await importBpmn(xml);
if (back.definition?.steps.length !== STEPS || back.report.unsupported.length > 0) throw new Error("The BPMN round trip lost steps.");

const validation = await median(() => validate(definition));
const exporting = await median(() => exportBpmn(definition));
const importing = await median(() => importBpmn(xml));
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
console.log(`BPMN bench: ${STEPS} steps, ${definition.connections.length} connections, ${(xml.length / 1024).toFixed(0)} KiB of XML (median of ${RUNS} runs)`);
console.log(`  validate         ${fmt(validation)}   aim < 50 ms   ${validation < 50 ? "ok" : "SLOW"}`);
console.log(`  exportBpmn       ${fmt(exporting)}`);
console.log(`  importBpmn       ${fmt(importing)}   (includes one validate, for the report's problems)`);
console.log(`  export + import  ${fmt(exporting + importing)}   aim < 1000 ms ${exporting + importing < 1000 ? "ok" : "SLOW"}`);
