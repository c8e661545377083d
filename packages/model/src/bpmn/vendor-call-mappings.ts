import type { OutputMapping } from "../process-definition.ts";
import { juelPlainVariable, juelToFeel } from "./juel-to-feel.ts";
import { text, type ModdleElement } from "./moddle.ts";
import type { Reading } from "./step-readers.ts";
import { CAMUNDA_NAMESPACES, extensionElements, genericChildren, localNameOf, namespaceOf, ZEEBE_NAMESPACES } from "./vendor-extensions.ts";

const VARIABLE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/**
 * A call activity's variable mappings from Camunda 7 (`<camunda:in
 * source|sourceExpression target>`, `<camunda:out …>`) and Zeebe
 * (`<zeebe:ioMapping>` with `<zeebe:input source="= FEEL" target>` and
 * `<zeebe:output …>`) as Baton inputs and outputs. What Baton cannot say
 * the same way (all variables at once, a JUEL expression it cannot
 * translate, a target that is no variable name) is left out with a warning.
 */
export function readCallMappings(el: ModdleElement, label: string, r: Reading): void {
  const inputs: OutputMapping[] = [];
  const outputs: OutputMapping[] = [];
  const skipped: string[] = [];
  const take = (into: OutputMapping[], from: string | null, to: string | undefined, what: string) => {
    if (from && to && VARIABLE.test(to)) into.push({ from, to });
    else skipped.push(what);
  };
  for (const ext of extensionElements(el)) {
    const ns = namespaceOf(ext) ?? "";
    const name = localNameOf(ext);
    if (CAMUNDA_NAMESPACES.includes(ns as (typeof CAMUNDA_NAMESPACES)[number]) && (name === "in" || name === "out")) {
      r.used.push(name);
      const target = text(ext, "target") ?? ext.$attrs?.target;
      const what = `camunda:${name} ${text(ext, "variables") === "all" || ext.$attrs?.variables === "all" ? 'variables="all"' : `to "${target ?? "?"}"`}`;
      take(name === "in" ? inputs : outputs, camundaSource(ext), target, what);
    } else if (ZEEBE_NAMESPACES.includes(ns as (typeof ZEEBE_NAMESPACES)[number]) && name === "ioMapping") {
      r.used.push(name);
      for (const mapping of genericChildren(ext)) {
        const kind = localNameOf(mapping);
        if (kind !== "input" && kind !== "output") continue;
        const source = (mapping.$attrs?.source ?? text(mapping, "source"))?.trim();
        const target = mapping.$attrs?.target ?? text(mapping, "target");
        take(kind === "input" ? inputs : outputs, source ? source.replace(/^=\s*/, "") : null, target, `zeebe:${kind} to "${target ?? "?"}"`);
      }
    }
  }
  if (inputs.length > 0) r.fields.inputs = inputs;
  if (outputs.length > 0) r.fields.outputs = outputs;
  if (skipped.length > 0) {
    r.warnings.push(`${label}: ${skipped.join(", ")} ${skipped.length === 1 ? "was" : "were"} not imported; Baton passes named variables only, each with a FEEL expression: add ${skipped.length === 1 ? "it" : "them"} as an input or output.`);
  }
}

/** `source` is a variable name; `sourceExpression` JUEL, taken when it translates to FEEL. */
function camundaSource(ext: ModdleElement): string | null {
  const source = ext.$attrs?.source ?? text(ext, "source");
  if (source) return VARIABLE.test(source) ? source : null;
  const expression = ext.$attrs?.sourceExpression ?? text(ext, "sourceExpression");
  if (!expression) return null;
  const plain = juelPlainVariable(expression);
  if (plain) return plain;
  const translated = juelToFeel(expression);
  return translated.ok ? translated.feel : null;
}
