import { describe, expect, it } from "vitest";
import type { Step } from "../process-definition.ts";
import { importBpmn } from "./import-bpmn.ts";
import { bpmnFile, oneStep } from "./test-support/bpmn-file.ts";
import { readFixture } from "./test-support/fixture-files.ts";

/** Camunda 7 and Zeebe settings mapped where Baton means the same, warned about where not. */
async function importStep(element: string, namespaces: Record<string, string> = {}) {
  const { definition, report } = await importBpmn(bpmnFile(oneStep(element), namespaces));
  const step = definition!.steps.find((s) => s.id === "X") as Step & Record<string, unknown>;
  return { step, report, definition: definition! };
}

describe("assignment", () => {
  it("maps a fixed Camunda assignee to a user", async () => {
    const { step, report } = await importStep('<bpmn:userTask id="X" name="Check" camunda:assignee="demo" />');
    expect(step.assignment).toEqual({ type: "user", user: "demo" });
    expect(report.warnings.join("\n")).not.toMatch(/assignee/);
  });

  it("maps a JUEL variable assignee to a FEEL expression, and refuses any other JUEL", async () => {
    expect((await importStep('<bpmn:userTask id="X" camunda:assignee="${approver}" />')).step.assignment).toEqual({ type: "expression", expression: "approver" });
    const other = await importStep('<bpmn:userTask id="X" camunda:assignee="${users.get(0)}" />');
    expect(other.step.assignment).toEqual({ type: "group", group: " " });
    expect(other.report.warnings.some((w) => w.includes("${users.get(0)}") && w.includes("X"))).toBe(true);
    expect(other.report.problems.some((p) => p.code === "assignment.empty" && p.stepId === "X")).toBe(true);
  });

  it("maps one candidate group, and warns about several", async () => {
    expect((await importStep('<bpmn:userTask id="X" camunda:candidateGroups="accounting" />')).step.assignment).toEqual({ type: "group", group: "accounting" });
    const several = await importStep('<bpmn:userTask id="X" camunda:candidateGroups="sales, support" />');
    expect(several.step.assignment).toEqual({ type: "group", group: " " });
    expect(several.report.warnings.join("\n")).toMatch(/candidate groups sales, support were not mapped/);
  });

  it("keeps the assignee and names the candidates it could not keep", async () => {
    const { step, report } = await importStep('<bpmn:userTask id="X" camunda:assignee="demo" camunda:candidateUsers="a, b" />');
    expect(step.assignment).toEqual({ type: "user", user: "demo" });
    expect(report.warnings.join("\n")).toMatch(/candidate users a, b were not imported/);
  });

  it("reads Zeebe's assignment definition: FEEL assignee, static group", async () => {
    const feel = await importStep('<bpmn:userTask id="X"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="= request.manager" /></bpmn:extensionElements></bpmn:userTask>');
    expect(feel.step.assignment).toEqual({ type: "expression", expression: "request.manager" });
    const group = await importStep('<bpmn:userTask id="X"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="clerks" /></bpmn:extensionElements></bpmn:userTask>');
    expect(group.step.assignment).toEqual({ type: "group", group: "clerks" });
  });

  it("matches namespaces by URI, whatever the prefix (and the old Activiti URI under camunda:)", async () => {
    const odd = await importStep('<bpmn:userTask id="X" cam:assignee="demo" />', { cam: "http://camunda.org/schema/1.0/bpmn" });
    expect(odd.step.assignment).toEqual({ type: "user", user: "demo" });
    const activiti = await importStep('<bpmn:userTask id="X" camunda:candidateGroups="accounting" />', { camunda: "http://activiti.org/bpmn" });
    expect(activiti.step.assignment).toEqual({ type: "group", group: "accounting" });
    const unrelated = await importStep('<bpmn:userTask id="X" camunda:assignee="demo" />', { camunda: "http://example.com/not-camunda" });
    expect(unrelated.step.assignment).toEqual({ type: "group", group: " " });
  });

  it("maps the real files: C.1.0 (Signavio for Camunda) and C.9.2 (Zeebe)", async () => {
    const c1 = (await importBpmn(readFixture("miwg/reference/C.1.0.bpmn"))).definition!;
    const byId = (d: typeof c1, id: string) => d.steps.find((s) => s.id === id) as Step & Record<string, unknown>;
    expect(byId(c1, "approveInvoice").assignment).toEqual({ type: "expression", expression: "approver" });
    expect(byId(c1, "prepareBankTransfer").assignment).toEqual({ type: "group", group: "accounting" });
    const c9 = await importBpmn(readFixture("miwg/reference/C.9.2.bpmn"));
    expect(byId(c9.definition!, "UserTask_DecideOnApplication").assignment).toEqual({ type: "group", group: "clerks" });
    // The Camunda form and the input mappings have no Baton meaning: named, not dropped quietly.
    expect(c9.report.warnings.some((w) => w.includes("UserTask_DecideOnApplication") && w.includes("zeebe:ioMapping") && w.includes("zeebe:formDefinition"))).toBe(true);
  });
});

describe("conditions", () => {
  const decision = (condition: string) => `
    <bpmn:startEvent id="Start" />
    <bpmn:exclusiveGateway id="G" default="no" />
    <bpmn:endEvent id="A" /><bpmn:endEvent id="B" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="G" />
    <bpmn:sequenceFlow id="yes" name="Yes" sourceRef="G" targetRef="A">${condition}</bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" sourceRef="G" targetRef="B" />`;
  const importDecision = async (condition: string) => {
    const { definition, report } = await importBpmn(bpmnFile(decision(condition)));
    return { yes: definition!.connections.find((c) => c.id === "yes")!, no: definition!.connections.find((c) => c.id === "no")!, report };
  };

  it("takes Zeebe's FEEL as it is, and the gateway's default flow", async () => {
    const { yes, no, report } = await importDecision('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= some r in risks satisfies r = "red"</bpmn:conditionExpression>');
    expect(yes).toMatchObject({ label: "Yes", condition: 'some r in risks satisfies r = "red"' });
    expect(no.isDefault).toBe(true);
    expect(report.unsupported).toEqual([]);
  });

  it("translates safe JUEL with a warning to check it", async () => {
    const { yes, report } = await importDecision('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[${score > 5 && !blocked}]]></bpmn:conditionExpression>');
    expect(yes.condition).toBe("score > 5 and not(blocked)");
    expect(report.warnings.some((w) => w.includes("yes") && w.includes("translated from JUEL"))).toBe(true);
  });

  it("drops a JavaScript or untranslatable JUEL condition, keeps the connection and lists the flow", async () => {
    for (const condition of [
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="JavaScript">next(null, this.environment.variables.ok)</bpmn:conditionExpression>',
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable("ok")}</bpmn:conditionExpression>',
    ]) {
      const { yes, report } = await importDecision(condition);
      expect(yes.condition).toBeUndefined();
      expect(report.unsupported).toEqual([expect.objectContaining({ id: "yes", type: "bpmn:SequenceFlow", reason: expect.stringMatching(/kept without its condition/) })]);
      expect(report.problems.some((p) => p.code === "decision.missing-condition" && p.connectionId === "yes")).toBe(true);
    }
  });

  it("reads a condition in a FEEL language (Trisotech) and keeps one on a task's flow for validation to flag", async () => {
    const feel = await importDecision('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="https://www.omg.org/spec/DMN/20191111/FEEL/">approved = true</bpmn:conditionExpression>');
    expect(feel.yes.condition).toBe("approved = true");
    const fromTask = await importBpmn(readFixture("executable/bpmn-js__conditions.bpmn"));
    expect(fromTask.report.problems.some((p) => p.code === "connection.condition-outside-decision")).toBe(true);
  });
});

describe("step kinds", () => {
  it("makes a plain or manual task a user task that still needs an assignee", async () => {
    for (const element of ['<bpmn:task id="X" name="Do it" />', '<bpmn:manualTask id="X" name="Do it" />']) {
      const { step, report } = await importStep(element);
      expect(step).toMatchObject({ kind: "userTask", name: "Do it", form: { schemaVersion: 1, blocks: [] } });
      expect(report.warnings.some((w) => w.includes("needs an assignee"))).toBe(true);
    }
  });

  it("turns Camunda form fields into a Baton form", async () => {
    const { step } = await importStep(`
      <bpmn:userTask id="X" camunda:assignee="demo">
        <bpmn:extensionElements>
          <camunda:formData>
            <camunda:formField id="amount" label="Amount" type="long"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
            <camunda:formField id="approved" label="Approved?" type="boolean" defaultValue="false" />
            <camunda:formField id="level" type="enum"><camunda:value id="low" name="Low" /><camunda:value id="high" name="High" /></camunda:formField>
          </camunda:formData>
        </bpmn:extensionElements>
      </bpmn:userTask>`);
    expect(step.form).toEqual({
      schemaVersion: 1,
      blocks: [
        { id: "f-amount", key: "amount", label: "Amount", type: "number", integer: true, required: true },
        { id: "f-approved", key: "approved", label: "Approved?", type: "yesNo", default: false, required: false },
        { id: "f-level", key: "level", label: "level", type: "select", required: false, options: [{ value: "low", label: "Low" }, { value: "high", label: "High" }] },
      ],
    });
  });

  it("maps send task, service task, call activity and timers, saying what is left to do", async () => {
    const send = await importStep('<bpmn:sendTask id="X" name="Tell the customer" />');
    expect(send.step).toMatchObject({ kind: "notify", subject: "Tell the customer", recipients: { type: "group", group: " " } });
    const service = await importStep('<bpmn:serviceTask id="X" camunda:class="org.example.Archive" />');
    expect(service.step.kind).toBe("serviceCall");
    expect(service.report.warnings.join("\n")).toMatch(/camunda:class="org.example.Archive"/);
    const call = await importStep('<bpmn:callActivity id="X" calledElement="Order_Process" />');
    expect(call.step).toMatchObject({ kind: "callActivity", processKey: "order-process" });
    const zeebeCall = await importStep('<bpmn:callActivity id="X"><bpmn:extensionElements><zeebe:calledElement processId="billing" /></bpmn:extensionElements></bpmn:callActivity>');
    expect(zeebeCall.step).toMatchObject({ kind: "callActivity", processKey: "billing" });
    const timer = (def: string) => importStep(`<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition id="T">${def}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`);
    expect((await timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT4H</bpmn:timeDuration>')).step.timer).toEqual({ type: "duration", duration: "PT4H" });
    expect((await timer('<bpmn:timeDate xsi:type="bpmn:tFormalExpression">2030-01-31</bpmn:timeDate>')).step.timer).toEqual({ type: "date", expression: 'date("2030-01-31")' });
    const cycle = await timer('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT10M</bpmn:timeCycle>');
    expect(cycle.report.unsupported).toEqual([expect.objectContaining({ id: "T", type: "bpmn:TimerEventDefinition", reason: expect.stringMatching(/repeats/) })]);
  });

  it("lists what it cannot take, and the flows that would dangle", async () => {
    const { definition, report } = await importBpmn(bpmnFile(oneStep('<bpmn:scriptTask id="X" scriptFormat="groovy" />')));
    expect(definition!.steps.map((s) => s.id)).toEqual(["Start", "End"]);
    expect(report.unsupported.map((u) => [u.id, u.type])).toEqual([
      ["X", "bpmn:ScriptTask"],
      ["f1", "bpmn:SequenceFlow"],
      ["f2", "bpmn:SequenceFlow"],
    ]);
    expect(report.unsupported[1]!.reason).toMatch(/connects to X \(bpmn:ScriptTask\), which is not imported/);
  });

  it("takes the executable process of a collaboration and lists the other pool", async () => {
    const { definition, report } = await importBpmn(readFixture("executable/bpmn-engine__call-activity.bpmn"));
    expect(report.process!.id).toBe("Process_1");
    expect(definition!.key).toBe("process-1");
    expect(report.unsupported.some((u) => u.id === "called-process" && u.type === "bpmn:Process")).toBe(true);
    const other = await importBpmn(readFixture("executable/bpmn-engine__call-activity.bpmn"), { processId: "called-process", key: "called" });
    expect(other.definition!.key).toBe("called");
    expect(other.report.unsupported.some((u) => u.id === "Process_1")).toBe(true);
  });
});

describe("inclusive gateways, sub-processes and call mappings", () => {
  it("imports an inclusive gateway with its default, and a sub-process with what lies in it (bpmn-engine's mother-of-all)", async () => {
    const { definition, report } = await importBpmn(readFixture("executable/bpmn-engine__mother-of-all.bpmn"));
    const steps = new Map(definition!.steps.map((s) => [s.id, s]));
    expect(steps.get("manyDecisions")?.kind).toBe("inclusiveGateway");
    expect(definition!.connections.find((c) => c.id === "toPickMe2")?.isDefault).toBe(true);
    expect(steps.get("subProcess1")).toMatchObject({ kind: "subProcess", name: expect.stringMatching(/^Sub process/) });
    expect(steps.get("subUserTask1")).toMatchObject({ kind: "userTask", parent: "subProcess1" });
    // Inside, the timer on the task lies inside too; the script task is listed, with the flows to it.
    expect(steps.get("subUserTaskTimer")).toMatchObject({ kind: "boundaryEvent", attachedTo: "subUserTask1", parent: "subProcess1" });
    expect(report.unsupported.map((u) => u.id)).toEqual(expect.arrayContaining(["subScriptTask1", "toSubScriptTask", "toSubScriptTaskTimeout"]));
    const sub = steps.get("subProcess1")!;
    const inner = steps.get("subUserTask1")!;
    expect(inner.position.x).toBeGreaterThanOrEqual(0);
    expect(inner.position.x + 200).toBeLessThanOrEqual((sub as { size: { width: number } }).size.width);
  });

  it("maps Camunda 7 camunda:in / camunda:out of a call activity (the job announcement example)", async () => {
    const { definition } = await importBpmn(readFixture("executable/camunda7-examples__camunda-testing-job-announcement.bpmn"));
    const call = definition!.steps.find((s) => s.id === "publication");
    expect(call).toMatchObject({
      kind: "callActivity",
      processKey: "camunda-testing-job-announcement-publication",
      inputs: [
        { from: "jobAnnouncementId", to: "jobAnnouncementId" },
        { from: "facebook", to: "facebook" },
        { from: "twitter", to: "twitter" },
      ],
      outputs: [],
    });
  });

  it("maps Zeebe input and output mappings, and warns about all-variables mappings", async () => {
    const zeebe = await importStep(
      '<bpmn:callActivity id="X"><bpmn:extensionElements><zeebe:calledElement processId="billing" /><zeebe:ioMapping><zeebe:input source="= order.total * 2" target="amount" /><zeebe:output source="= invoiceId" target="invoice.id" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:callActivity>',
    );
    expect(zeebe.step).toMatchObject({ inputs: [{ from: "order.total * 2", to: "amount" }], outputs: [{ from: "invoiceId", to: "invoice.id" }] });
    expect(zeebe.report.warnings.join("\n")).not.toMatch(/ioMapping/);
    const all = await importStep('<bpmn:callActivity id="X" calledElement="other"><bpmn:extensionElements><camunda:in variables="all" /><camunda:out sourceExpression="${total}" target="total" /></bpmn:extensionElements></bpmn:callActivity>');
    expect(all.step).toMatchObject({ inputs: [], outputs: [{ from: "total", to: "total" }] });
    expect(all.report.warnings.some((w) => w.includes('camunda:in variables="all" was not imported'))).toBe(true);
  });
});
