import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import { instances, openDatabase, tasks, type DatabaseHandle } from "@baton/db";
import { jobHandlers, loadActor, raiseJobIncident, runDueJobs, seedDemo, startInstance } from "@baton/runtime";
import { DEMO_SCORING_PATH, demoScore } from "./demo-scoring-route.ts";
import { DEMO_SCORING_KEY, readEnv, serviceSecrets } from "./env.ts";
import { buildHttpServer } from "./http-server.ts";

/**
 * The demo scoring, as the seeded credit application reaches it with no
 * setting at all: this server's own /demo/scoring, called by the job worker
 * over real HTTP with the secrets serviceSecrets gives it.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let url: string;
const env = readEnv({ ...process.env, BATON_LOG_LEVEL: "silent", BATON_SECRET_SCORING_URL: "", BATON_SECRET_SCORING_KEY: "" });

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  await seedDemo(handle.db, env.templatesDir);
  app = await buildHttpServer(handle.db, env);
  url = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const score = (body: unknown, key: string | null = DEMO_SCORING_KEY) =>
  app.inject({ method: "POST", url: DEMO_SCORING_PATH, headers: key === null ? {} : { "x-api-key": key }, payload: body as object });

describe("the demo scoring", () => {
  it("weighs the new and existing monthly payments against the income, as its formula says", () => {
    expect(demoScore({ amount: 24_000, termMonths: 48, monthlyIncome: 4_000, loans: [{ monthlyPayment: 300 }] })).toEqual({ score: 800, riskClass: "low", interestRate: 4.6 });
    expect(demoScore({ amount: 250_000, termMonths: 240, monthlyIncome: 6_500, loans: [{ monthlyPayment: 310.5 }] })).toEqual({ score: 792, riskClass: "low", interestRate: 5.16 });
    expect(demoScore({ amount: 30_000, termMonths: 24, monthlyIncome: 3_000 })).toEqual({ score: 583, riskClass: "medium", interestRate: 6.34 });
    expect(demoScore({ amount: 9_000, termMonths: 12, monthlyIncome: null, loans: null })).toEqual({ score: 0, riskClass: "high", interestRate: 11 });
  });

  it("answers with the API key, and says what is wrong without it or with a bad application", async () => {
    const ok = await score({ applicant: "Ada", amount: 24_000, termMonths: 48, monthlyIncome: 4_000, loans: [{ lender: "City Bank", monthlyPayment: 300 }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ score: 800, riskClass: "low", interestRate: 4.6 });
    for (const key of [null, "wrong", `${DEMO_SCORING_KEY}x`]) {
      const refused = await score({ amount: 1, termMonths: 1 }, key);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toEqual({ error: "The demo scoring wants its API key in the X-Api-Key header." });
    }
    const bad = await score({ amount: -5, termMonths: 12.5 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatch(/^The demo scoring needs amount and termMonths as positive numbers.*\(amount: .*; termMonths: .*\)\.$/);
  });

  it("is not served once SCORING_URL names a real scoring system", async () => {
    const real = readEnv({ ...process.env, BATON_LOG_LEVEL: "silent", BATON_SECRET_SCORING_URL: "https://score.bank.example/v2" });
    const other = await buildHttpServer(handle.db, real);
    const res = await other.inject({ method: "POST", url: DEMO_SCORING_PATH, headers: { "x-api-key": DEMO_SCORING_KEY }, payload: { amount: 1, termMonths: 1 } });
    expect(res.statusCode).toBe(404);
    await other.close();
  });

  it("scores the seeded credit application when the job worker calls this server with the default secrets", async () => {
    const port = Number(new URL(url).port);
    const secrets = serviceSecrets(env, { host: "127.0.0.1", port });
    expect(secrets).toEqual({ SCORING_URL: `http://127.0.0.1:${port}/demo/scoring`, SCORING_KEY: DEMO_SCORING_KEY });
    const sam = await loadActor(handle.db, { username: "sam" });
    const data = { applicantName: "Katherine Johnson", email: "kj@example.com", product: "car", amount: 24_000, termMonths: 48, category: "standard", monthlyIncome: 4_000, loans: [{ lender: "City Bank", monthlyPayment: 300 }] };
    const { instanceId } = await startInstance(handle.db, sam, { processKey: "credit-application", data });
    expect(await runDueJobs(handle.db, { handlers: jobHandlers({ secrets }), onFailed: raiseJobIncident })).toBe(1);
    const [row] = await handle.db.select({ variables: instances.variables, status: instances.status }).from(instances).where(eq(instances.id, instanceId));
    expect(row).toMatchObject({ status: "running", variables: { score: 800, riskClass: "low", interestRate: 4.6 } });
    const open = await handle.db.select({ name: tasks.name }).from(tasks).where(eq(tasks.instanceId, instanceId));
    expect(open.map((t) => t.name)).toEqual(["Security check"]);
  });
});
