import { describe, expect, it } from "vitest";
import { chain, end, notify, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// Support request, stage 2: the responsible person has a day; a reminder at
// the due date, then the dispatcher is alerted a day later, then the task
// moves to the managers.
const supportStage = processOf(
  [
    start("request"),
    task("resolve", {
      assignment: { type: "expression", expression: "responsible" },
      due: { type: "duration", duration: "P1D" },
      escalations: [
        { after: "PT0S", action: "remind", message: "The request is due now." },
        { after: "P1D", action: "notify", to: { type: "expression", expression: "dispatcher" }, message: "{{subject}} is a day late." },
        { after: "P2D", action: "reassign", to: { type: "group", group: "managers" } },
      ],
    }),
    end("done"),
  ],
  chain("request", "resolve", "done"),
);

const started = () => given(supportStage).at("2024-03-04T09:00:00.000Z").whenStarted({ responsible: "rita", dispatcher: "dora", subject: "Printer" });

describe("escalation of an open task", () => {
  it("schedules one timer per level from the due date when the task is created", () => {
    const run = started();
    expect(run.task("resolve").dueAt).toBe("2024-03-05T09:00:00.000Z");
    expect(run.timers.map((t) => [t.dueAt, t.purpose])).toEqual([
      ["2024-03-05T09:00:00.000Z", { type: "escalation", level: 1 }],
      ["2024-03-06T09:00:00.000Z", { type: "escalation", level: 2 }],
      ["2024-03-07T09:00:00.000Z", { type: "escalation", level: 3 }],
    ]);
  });

  it("escalates level by level while the task stays open, and the task keeps waiting", () => {
    const run = started();
    run.advanceTo("2024-03-05T09:00:00.000Z");
    expect(run.commands).toEqual([
      { type: "escalateTask", tokenId: run.task("resolve").tokenId, stepId: "resolve", level: 1, action: "remind", to: null, message: "The request is due now." },
    ]);
    run.advanceTo("2024-03-07T12:00:00.000Z");
    expect(run.commands).toEqual([
      expect.objectContaining({ level: 2, action: "notify", to: { assignee: "dora", candidateGroup: null }, message: "Printer is a day late." }),
      expect.objectContaining({ level: 3, action: "reassign", to: { assignee: null, candidateGroup: "managers" }, message: null }),
    ]);
    expect(run.openTaskSteps()).toEqual(["resolve"]);
    expect(run.status).toBe("running");
  });

  it("cancels the levels not yet fired when the task is completed in time", () => {
    const run = started();
    run.advanceTo("2024-03-05T10:00:00.000Z");
    run.whenCompleted("resolve", {});
    expect(run.commands.filter((c) => c.type === "cancelTimer")).toHaveLength(2);
    expect(run.timers).toEqual([]);
    expect(run.status).toBe("completed");
  });

  it("notes an incident, without stopping the task, when the recipient cannot be worked out", () => {
    const run = given(supportStage).at("2024-03-04T09:00:00.000Z").whenStarted({ responsible: "rita", subject: "Printer" });
    run.advanceTo("2024-03-06T09:00:00.000Z");
    expect(run.status).toBe("incident");
    expect(run.state!.incidents).toEqual([expect.objectContaining({ stepId: "resolve", code: "assignment.error" })]);
    expect(run.state!.incidents[0]!.tokenId).toBeUndefined();
    expect(run.openTaskSteps()).toEqual(["resolve"]);
  });

  it("schedules nothing for a task without a due date", () => {
    const noDue = processOf(
      [start("s"), task("t", { escalations: [{ after: "PT0S", action: "remind" }] }), end("e")],
      chain("s", "t", "e"),
    );
    expect(given(noDue).whenStarted().timers).toEqual([]);
  });
});

describe("a notify step", () => {
  it("alerts a group with the variables filled in and moves on at once", () => {
    const shipping = processOf(
      [start("order"), notify("alert", { type: "group", group: "shipping" }, "Ship order {{orderNo}}", "{{quantity}} × {{product}} to {{address.city}}; {{unknown}} stays."), task("ship"), end("e")],
      chain("order", "alert", "ship", "e"),
    );
    const run = given(shipping).whenStarted({ orderNo: "A-17", quantity: 3, product: "Desk", address: { city: "Graz" } });
    expect(run.commands.filter((c) => c.type === "notify")).toEqual([
      { type: "notify", stepId: "alert", users: [], groups: ["shipping"], subject: "Ship order A-17", message: "3 × Desk to Graz; {{unknown}} stays." },
    ]);
    expect(run.openTaskSteps()).toEqual(["ship"]);
  });

  it("alerts the users an expression names, and stops under an incident when it names nobody", () => {
    const tell = processOf([start("s"), notify("n", { type: "expression", expression: "[rep, initiator]" }, "Shipped"), end("e")], chain("s", "n", "e"));
    expect(given(tell).whenStarted({ rep: "sam" }, "dana").commands.find((c) => c.type === "notify")).toMatchObject({ users: ["sam", "dana"], groups: [] });

    const nobody = processOf([start("s"), notify("n", { type: "expression", expression: "rep" }, "Shipped"), end("e")], chain("s", "n", "e"));
    const run = given(nobody).whenStarted({});
    expect(run.status).toBe("incident");
    expect(run.state!.incidents[0]).toMatchObject({ stepId: "n", code: "assignment.error" });
  });

  it("also e-mails the addresses an expression yields, skips an empty one, and stops on one that is not an address", () => {
    const tell = (emailTo: string) =>
      processOf([start("s"), notify("n", { type: "user", user: "olga" }, "Your application", "", emailTo), end("e")], chain("s", "n", "e"));
    const sent = given(tell("[email, \"  team@bank.example \", email]")).whenStarted({ email: "ada@example.com" });
    expect(sent.commands.find((c) => c.type === "notify")).toMatchObject({ users: ["olga"], emails: ["ada@example.com", "team@bank.example"] });

    const none = given(tell("email")).whenStarted({ email: "" });
    expect(none.status).toBe("completed");
    expect(none.commands.find((c) => c.type === "notify")).not.toHaveProperty("emails");

    const wrong = given(tell("email")).whenStarted({ email: "ada at example" });
    expect(wrong.status).toBe("incident");
    expect(wrong.state!.incidents[0]).toMatchObject({ stepId: "n", code: "expression.error" });
    expect(wrong.state!.incidents[0]!.message).toContain('"ada at example", which is not an e-mail address');
  });
});
