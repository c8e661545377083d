import { children, isA, text, type ModdleElement } from "./moddle.ts";

/**
 * Why Baton cannot take an element, in words an analyst can act on. Each
 * reason says what the element does in BPMN and what Baton offers instead.
 */
export function eventKind(el: ModdleElement): string {
  const definitions = children(el, "eventDefinitions");
  if (definitions.length === 0) return "none";
  if (definitions.length > 1) return "multiple";
  return definitions[0]!.$type.replace(/^bpmn:/, "").replace(/EventDefinition$/, "").toLowerCase();
}

/** "a timer", "an error": the article a word takes. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}


export function unsupportedReason(el: ModdleElement, nameOf: (id: string) => string): string {
  if (el.isForCompensation === true) {
    return "a compensation handler, run only to undo a finished activity; Baton has no compensation";
  }
  switch (el.$type) {
    case "bpmn:EventBasedGateway":
      return el.instantiate === true
        ? "an event-based gateway that starts the process (instantiate); Baton's event gateway waits inside a running process"
        : "a parallel event-based gateway waits for every event; Baton's event gateway takes the first that happens";
    case "bpmn:ComplexGateway":
      return "a complex gateway's activation rule has no Baton equivalent";
    case "bpmn:BoundaryEvent": {
      const host = text(el.attachedToRef as ModdleElement | undefined, "id");
      const mode = el.cancelActivity === false ? "non-interrupting " : "";
      return `${withArticle(`${mode}${eventKind(el)}`)} event attached to ${host ? nameOf(host) : "an activity"}; Baton's events on a step are timers and errors`;
    }
    case "bpmn:IntermediateCatchEvent":
      return `an intermediate ${eventKind(el)} catch event; Baton waits only for timers and messages`;
    case "bpmn:IntermediateThrowEvent": {
      const kind = eventKind(el);
      if (kind === "none") return "an intermediate none event (a milestone) has no Baton step; connect its neighbours directly";
      if (kind === "message") return "an intermediate message throw event sends to another participant; Baton alerts people with a notification step";
      return `an intermediate ${kind} throw event; Baton has no ${kind} events`;
    }
    case "bpmn:SubProcess":
      return `an event sub-process (${countInside(el)}) reacts to events inside the process; Baton has no event sub-processes`;
    case "bpmn:Transaction":
      return `a transaction sub-process (${countInside(el)}) with compensation; Baton's sub-process has no transaction and compensation: draw it as a plain sub-process`;
    case "bpmn:AdHocSubProcess":
      return `an ad-hoc sub-process (${countInside(el)}) whose tasks run in any order; Baton runs steps along connections`;
    case "bpmn:ScriptTask":
      return "a script task; Baton runs no scripts (a service call or a task's output mapping may do the job)";
    case "bpmn:BusinessRuleTask":
      return "a business rule task evaluates a DMN decision; Baton has no decision tables (use a decision with FEEL conditions)";
    case "bpmn:ReceiveTask":
      return "a receive task that starts the process (instantiate); give the start step a message trigger instead";
    case "bpmn:CallActivity":
      return "a call activity that names no process to call";
    case "bpmn:DataObject":
    case "bpmn:DataObjectReference":
      return "a data object; Baton keeps data in process variables, filled by forms";
    case "bpmn:DataStoreReference":
      return "a data store; Baton keeps data in process variables (a service call reaches other systems)";
    case "bpmn:TextAnnotation":
      return "a text annotation; Baton keeps notes in a step's description";
    case "bpmn:Association":
      return "an association (links an annotation or data to an element); Baton has nothing to link";
    case "bpmn:Group":
      return "a group (a visual frame); Baton does not draw groups";
    case "bpmn:Lane":
      return "a lane (swimlane); Baton does not derive assignment from lanes: give each of its tasks an assignee";
    case "bpmn:MessageFlow":
      return "a message flow between pools; Baton processes do not exchange messages";
    default:
      return `${el.$type.replace(/^bpmn:/, "")} is not something Baton can draw or run`;
  }
}

function countInside(el: ModdleElement): string {
  const inside = children(el, "flowElements").filter((e) => !isA(e, "bpmn:SequenceFlow")).length;
  return `${inside} element${inside === 1 ? "" : "s"} inside`;
}
