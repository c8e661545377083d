import { expect, test } from "vitest";
import { fillSecrets, missingSecretsMessage } from "./service-secrets.ts";

const stored = {
  method: "POST" as const,
  url: "{{secrets.SCORING_URL}}/score?tenant={{ secrets.TENANT }}",
  headers: [
    { name: "X-Api-Key", value: "{{secrets.SCORING_KEY}}" },
    { name: "X-Applicant", value: "Ada" },
  ],
  body: { amount: 1 },
};

test("fills every secret into the request on the wire, unencoded, and leaves the stored request alone", () => {
  const filled = fillSecrets(stored, { SCORING_URL: "https://score.bank.example/v2", TENANT: "north", SCORING_KEY: "k-12345", UNUSED: "x" });
  expect(filled).toMatchObject({
    ok: true,
    request: {
      method: "POST",
      url: "https://score.bank.example/v2/score?tenant=north",
      headers: [
        { name: "X-Api-Key", value: "k-12345" },
        { name: "X-Applicant", value: "Ada" },
      ],
      body: { amount: 1 },
    },
  });
  expect(stored.url).toBe("{{secrets.SCORING_URL}}/score?tenant={{ secrets.TENANT }}");
  if (!filled.ok) throw new Error("filled");
  expect(filled.redact('Headers.append: "k-12345" is an invalid header value for https://score.bank.example/v2')).toBe(
    'Headers.append: "{{secrets.SCORING_KEY}}" is an invalid header value for {{secrets.SCORING_URL}}',
  );
});

test("names every secret the server lacks, and how to give it", () => {
  expect(fillSecrets(stored, { TENANT: "north" })).toEqual({ ok: false, missing: ["SCORING_URL", "SCORING_KEY"] });
  expect(missingSecretsMessage(["SCORING_KEY"])).toBe(
    "needs the secret {{secrets.SCORING_KEY}}, which this server does not have: set BATON_SECRET_SCORING_KEY (or add it to BATON_SECRETS_FILE), restart the server and retry the incident",
  );
});

test("a request without placeholders goes out as it is", () => {
  const plain = { method: "GET" as const, url: "https://crm.example/ping", headers: [] };
  expect(fillSecrets(plain, {})).toMatchObject({ ok: true, request: plain });
});
