/**
 * A small BPMN file around a process body, for tests. No diagram: the
 * importer lays the steps out itself. Namespaces are declared under the
 * prefixes given, so tests can bind unusual prefixes to vendor URIs.
 */
export function bpmnFile(body: string, namespaces: Record<string, string> = {}, processAttributes = 'id="Process_1" isExecutable="true"'): string {
  const xmlns = Object.entries({
    bpmn: "http://www.omg.org/spec/BPMN/20100524/MODEL",
    xsi: "http://www.w3.org/2001/XMLSchema-instance",
    camunda: "http://camunda.org/schema/1.0/bpmn",
    zeebe: "http://camunda.org/schema/zeebe/1.0",
    ...namespaces,
  })
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(" ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${xmlns} id="Definitions_1" targetNamespace="http://example.com">
  <bpmn:process ${processAttributes}>
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

/** start → <element id="X"> → end, with the flows. */
export function oneStep(element: string, id = "X"): string {
  return `
    <bpmn:startEvent id="Start" />
    ${element}
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="${id}" />
    <bpmn:sequenceFlow id="f2" sourceRef="${id}" targetRef="End" />`;
}
