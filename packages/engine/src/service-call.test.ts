import { describe, expect, it } from "vitest";
import { chain, decision, end, flow, processOf, serviceCall, start, task } from "./test-support/process-builder.ts";
import { given, type Scenario } from "./test-support/scenario.ts";
import type { EngineCommand, ServiceResponse } from "./types.ts";

type CallService = Extract<EngineCommand, { type: "callService" }>;

// Credit application, scoring: the application goes to the scoring service,
// whose score and band land in variables before the clerk decides.
const scoring = processOf(
  [
    start("apply"),
    serviceCall(
      "score",
      {
        method: "POST",
        url: "https://scoring.example/api/applicants/{{applicant.name}}/score?product={{product}}",
        headers: [
          { name: "Authorization", value: "Bearer {{scoringToken}}" },
          { name: "Accept", value: "application/json" },
        ],
        body: "{ amount: amount, income: applicant.income, since: date(applicant.since) }",
      },
      {
        outputs: [
          { from: "response.body.score", to: "score" },
          { from: "if response.body.score >= 600 then \"good\" else \"weak\"", to: "rating.band" },
          { from: "response.status", to: "rating.status" },
        ],
        retries: 5,
        timeoutSeconds: 10,
      },
    ),
    task("decide"),
    end("done"),
  ],
  chain("apply", "score", "decide", "done"),
);

const application = { applicant: { name: "Ada & Co/1", income: 4200, since: "2019-04-01" }, amount: 25000, product: "loan", scoringToken: "t0k3n" };

/** The one `callService` the last event emitted. */
function call(run: Scenario): CallService {
  const calls = run.commands.filter((c): c is CallService => c.type === "callService");
  if (calls.length !== 1) throw new Error(`expected one callService, got ${calls.length} (${run.commandTypes().join(", ")})`);
  return calls[0] as CallService;
}
const answer = (run: Scenario, tokenId: string, response: ServiceResponse) => run.send({ type: "serviceAnswered", tokenId, response });
const fail = (run: Scenario, tokenId: string, error: string) => run.send({ type: "serviceFailed", tokenId, error });

describe("a service call", () => {
  it("builds the request from the variables, waits, and maps the answer into variables", () => {
    const run = given(scoring).whenStarted(application);
    const request = call(run);
    expect(request).toEqual({
      type: "callService",
      tokenId: expect.any(String),
      stepId: "score",
      request: {
        method: "POST",
        url: "https://scoring.example/api/applicants/Ada%20%26%20Co%2F1/score?product=loan",
        headers: [
          { name: "Authorization", value: "Bearer t0k3n" },
          { name: "Accept", value: "application/json" },
        ],
        body: { amount: 25000, income: 4200, since: "2019-04-01" },
      },
      idempotencyKey: request.tokenId,
      timeoutMs: 10_000,
      retries: 5,
    });
    expect(run.status).toBe("running");
    expect(run.state?.tokens.map((t) => t.stepId)).toEqual(["score"]);
    expect(run.openTaskSteps()).toEqual([]);

    answer(run, request.tokenId, { status: 200, body: { score: 640, id: "s-1" } });
    expect(run.variables).toMatchObject({ score: 640, rating: { band: "good", status: 200 } });
    expect(run.commands[0]).toEqual({ type: "variablesChanged", stepId: "score", changes: { score: 640, rating: { band: "good", status: 200 } } });
    expect(run.openTaskSteps()).toEqual(["decide"]);
  });

  it("sends no body when the step has none, and keeps nothing when it maps nothing", () => {
    const ping = processOf([start("s"), serviceCall("ping", { method: "GET", url: "https://crm.example/ping" }), end("e")], chain("s", "ping", "e"));
    const run = given(ping).whenStarted({});
    expect(call(run).request).toEqual({ method: "GET", url: "https://crm.example/ping", headers: [] });
    answer(run, call(run).tokenId, { status: 204, body: null });
    expect(run.commandTypes()).toEqual(["endInstance"]);
    expect(run.status).toBe("completed");
  });

  it("calls nothing while a placeholder has no value, and builds the request anew when retried with one", () => {
    const run = given(scoring).whenStarted({ ...application, product: null });
    expect(run.commandTypes()).toEqual(["variablesChanged", "raiseIncident"]);
    const [incident] = run.raised();
    expect(incident).toMatchObject({ stepId: "score", code: "expression.error" });
    expect(incident!.message).toBe('service call "Call score" (score): the URL names {{product}}, which has no value');

    run.whenRetried(incident!.id, { product: "mortgage" });
    expect(call(run).request.url).toMatch(/\?product=mortgage$/);
    expect(run.status).toBe("running");
  });

  it("leaves {{secrets.NAME}} for the runtime, even when a variable is called secrets, and refuses a value that brings one in", () => {
    const secretCall = processOf(
      [
        start("s"),
        serviceCall("c", {
          method: "POST",
          url: "{{secrets.SCORING_URL}}/applicants/{{name}}",
          headers: [
            { name: "X-Api-Key", value: "{{ secrets.SCORING_KEY }}" },
            { name: "X-Note", value: "{{note}}" },
          ],
        }),
        end("e"),
      ],
      chain("s", "c", "e"),
    );
    const run = given(secretCall).whenStarted({ name: "{{secrets.SCORING_KEY}}", note: "hello", secrets: { SCORING_URL: "https://evil.example", SCORING_KEY: "k" } });
    expect(call(run).request).toEqual({
      method: "POST",
      url: "{{secrets.SCORING_URL}}/applicants/%7B%7Bsecrets.SCORING_KEY%7D%7D",
      headers: [
        { name: "X-Api-Key", value: "{{ secrets.SCORING_KEY }}" },
        { name: "X-Note", value: "hello" },
      ],
    });

    const smuggling = given(secretCall).whenStarted({ name: "Ada", note: "{{secrets.SCORING_KEY}}" });
    expect(smuggling.commandTypes()).not.toContain("callService");
    expect(smuggling.raised()[0]).toMatchObject({
      code: "expression.error",
      message: 'service call "Call c" (c): the header "X-Note" fills in {{note}} with a {{secrets.…}} placeholder, which only the process itself may name',
    });
  });

  it("names the header whose placeholder is missing, and a body that does not work out", () => {
    const { scoringToken: _none, ...withoutToken } = application;
    const run = given(scoring).whenStarted(withoutToken);
    expect(run.raised()[0]?.message).toMatch(/: the header "Authorization" names \{\{scoringToken\}\}, which has no value$/);

    const broken = processOf([start("s"), serviceCall("c", { method: "POST", url: "https://x.example/", body: "{ f: function(a) a }" }), end("e")], chain("s", "c", "e"));
    const stuck = given(broken).whenStarted({});
    expect(stuck.raised()[0]).toMatchObject({ code: "expression.error", message: expect.stringMatching(/: the body `\{ f: function\(a\) a \}` yields a function cannot be stored/) });
  });

  it("stops under a service.failed incident when the call gave up; retrying calls again with the same key, then goes on", () => {
    const run = given(scoring).whenStarted(application);
    const first = call(run);
    fail(run, first.tokenId, "POST https://scoring.example/… answered 503 Service Unavailable after 6 attempts");
    expect(run.status).toBe("incident");
    const [incident] = run.raised();
    expect(incident).toMatchObject({ stepId: "score", code: "service.failed", tokenId: first.tokenId });
    expect(incident!.message).toBe('service call "Call score" (score): POST https://scoring.example/… answered 503 Service Unavailable after 6 attempts');

    run.whenRetried(incident!.id);
    const again = call(run);
    expect(again).toEqual(first);
    expect(run.status).toBe("running");
    answer(run, again.tokenId, { status: 201, body: { score: 580 } });
    expect(run.variables).toMatchObject({ score: 580, rating: { band: "weak" } });
    expect(run.openTaskSteps()).toEqual(["decide"]);
  });

  it("is skipped by an admin with the values the answer would have brought, without calling", () => {
    const run = given(scoring).whenStarted(application);
    fail(run, call(run).tokenId, "no answer within 10 s");
    const incident = run.raised()[0]!;

    run.send({ type: "incidentSkipped", incidentId: incident.id, variables: { score: 610, rating: { band: "good", status: null } } });
    expect(run.commandTypes()).toEqual(["variablesChanged", "createTask"]);
    expect(run.commands[0]).toEqual({ type: "variablesChanged", stepId: "score", changes: { score: 610, rating: { band: "good", status: null } } });
    expect(run.status).toBe("running");
    expect(run.state?.incidents).toEqual([]);
    expect(run.openTaskSteps()).toEqual(["decide"]);
  });

  it("stops under an incident when the answer cannot be mapped; the answer is not kept, so retrying calls again", () => {
    const strict = processOf(
      [start("s"), serviceCall("c", { method: "GET", url: "https://x.example/" }, { outputs: [{ from: "function(a) a", to: "f" }] }), end("e")],
      chain("s", "c", "e"),
    );
    const run = given(strict).whenStarted({});
    const first = call(run);
    answer(run, first.tokenId, { status: 200, body: {} });
    const incident = run.raised()[0]!;
    expect(incident).toMatchObject({ code: "expression.error", message: expect.stringMatching(/^service call "Call c" \(c\) answered 200, but output to "f": /) });
    run.whenRetried(incident.id);
    expect(call(run).idempotencyKey).toBe(first.idempotencyKey);
  });

  it("gives a call reached again by a loop a key of its own", () => {
    const loop = processOf(
      [start("s"), serviceCall("poll", { method: "GET", url: "https://x.example/status" }, { outputs: [{ from: "response.body.ready", to: "ready" }] }), decision("d"), end("e")],
      [...chain("s", "poll", "d"), flow("d", "e", { condition: "ready" }), flow("d", "poll", { isDefault: true })],
    );
    const run = given(loop).whenStarted({});
    const first = call(run);
    answer(run, first.tokenId, { status: 200, body: { ready: false } });
    const second = call(run);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    answer(run, second.tokenId, { status: 200, body: { ready: true } });
    expect(run.status).toBe("completed");
  });

  it("refuses answers no call waits for, and skipping anything but a stuck service call", () => {
    const run = given(scoring).whenStarted(application);
    const { tokenId } = call(run);
    expect(() => answer(run, "nobody", { status: 200, body: {} })).toThrow('serviceAnswered: no token "nobody" is waiting in this instance');
    fail(run, tokenId, "gave up");
    expect(() => answer(run, tokenId, { status: 200, body: {} })).toThrow(/^serviceAnswered: token ".*" is stuck under incident ".*" \(service.failed\) and waits for no answer$/);
    run.whenRetried(run.state!.incidents[0]!.id);
    answer(run, tokenId, { status: 200, body: { score: 700 } });
    expect(() => fail(run, run.task("decide").tokenId, "x")).toThrow(/^serviceFailed: token ".*" waits at userTask "decide", not at a service call$/);

    const choose = processOf([start("s"), decision("d"), end("e")], [flow("s", "d"), flow("d", "e", { condition: "false" })]);
    const stuck = given(choose).whenStarted({});
    const noMatch = stuck.state!.incidents[0]!;
    expect(() => stuck.send({ type: "incidentSkipped", incidentId: noMatch.id })).toThrow(
      `incidentSkipped: incident "${noMatch.id}" is at exclusiveGateway "d"; only a stuck service call can be skipped, retry this one instead`,
    );
    expect(() => stuck.send({ type: "incidentSkipped", incidentId: "gone" })).toThrow(`incidentSkipped: no open incident "gone" in this instance (open: "${noMatch.id}")`);
    expect(stuck.state!.incidents).toEqual([noMatch]);
  });
});
