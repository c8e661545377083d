import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

/**
 * Baton's built-in demo scoring service, so the credit application runs end
 * to end with no outside system: `POST /demo/scoring` with the demo API key
 * in `X-Api-Key`. A bank points the secrets SCORING_URL and SCORING_KEY at
 * its real scoring system instead, and this route is then not served.
 *
 * The formula, deterministic and deliberately simple:
 * - the new monthly instalment is `amount / termMonths` (interest left out);
 * - the burden is `(instalment + the loans' monthly payments) / monthlyIncome`,
 *   and 1 (all of it) when the income is unknown or 0;
 * - `score = round(1000 × (1 − min(burden, 1)))`, 0 to 1000, higher is better;
 * - `riskClass`: "low" from 650, "medium" from 400, else "high";
 * - `interestRate` (percent) `= 3 + (1000 − score) / 125`, plus 0.5 for a
 *   term above 120 months, rounded to two decimals: 3 % to 11.5 %.
 * E.g. 24 000 EUR over 48 months, 4 000 EUR income, 300 EUR of loans:
 * burden (500 + 300) / 4 000 = 0.2, score 800, low, 4.6 %.
 */
export const DEMO_SCORING_PATH = "/demo/scoring";

const applicationSchema = z.object({
  amount: z.number().positive(),
  termMonths: z.number().int().positive(),
  monthlyIncome: z.number().nonnegative().nullish(),
  loans: z.array(z.object({ monthlyPayment: z.number().nonnegative() }).passthrough()).nullish(),
});

export type DemoScore = { score: number; riskClass: "low" | "medium" | "high"; interestRate: number };

export function demoScore(application: z.infer<typeof applicationSchema>): DemoScore {
  const instalment = application.amount / application.termMonths;
  const existing = (application.loans ?? []).reduce((sum, loan) => sum + loan.monthlyPayment, 0);
  const income = application.monthlyIncome ?? 0;
  const burden = income > 0 ? (instalment + existing) / income : 1;
  const score = Math.round(1000 * (1 - Math.min(burden, 1)));
  const riskClass = score >= 650 ? "low" : score >= 400 ? "medium" : "high";
  const interestRate = Math.round((3 + (1000 - score) / 125 + (application.termMonths > 120 ? 0.5 : 0)) * 100) / 100;
  return { score, riskClass, interestRate };
}

export async function registerDemoScoringRoute(app: FastifyInstance, apiKey: string): Promise<void> {
  const expected = Buffer.from(apiKey);
  app.post(DEMO_SCORING_PATH, async (request, reply) => {
    const given = Buffer.from(String(request.headers["x-api-key"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(401).send({ error: "The demo scoring wants its API key in the X-Api-Key header." });
    }
    const parsed = applicationSchema.safeParse(request.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
      return reply.code(422).send({ error: `The demo scoring needs amount and termMonths as positive numbers, monthlyIncome and loans[].monthlyPayment as numbers if given (${problems}).` });
    }
    return demoScore(parsed.data);
  });
}
