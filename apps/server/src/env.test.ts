import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SCORING_KEY, readEnv, serviceSecrets } from "./env.ts";

/** E-mail settings: both or neither, checked at start with a sentence that says what to fix. */
describe("readEnv: outgoing e-mail", () => {
  const mailOf = (vars: Record<string, string>) => readEnv({ INIT_CWD: "/srv", ...vars }).mail;

  it("is off without settings, and on with a URL and a sender", () => {
    expect(mailOf({})).toBeNull();
    expect(mailOf({ BATON_SMTP_URL: "", BATON_MAIL_FROM: " " })).toBeNull();
    expect(mailOf({ BATON_SMTP_URL: "smtp://baton:s3cret@mail.example.com:587", BATON_MAIL_FROM: "Baton <baton@example.com>" })).toEqual({
      smtpUrl: "smtp://baton:s3cret@mail.example.com:587",
      from: "Baton <baton@example.com>",
    });
    expect(mailOf({ BATON_SMTP_URL: " smtps://mail.example.com ", BATON_MAIL_FROM: "baton@localhost" })).toEqual({ smtpUrl: "smtps://mail.example.com", from: "baton@localhost" });
  });

  it("refuses one without the other", () => {
    expect(() => mailOf({ BATON_MAIL_FROM: "baton@example.com" })).toThrow(/^BATON_MAIL_FROM is set but BATON_SMTP_URL is not/);
    expect(() => mailOf({ BATON_SMTP_URL: "smtp://mail.example.com" })).toThrow(/^BATON_SMTP_URL is set but BATON_MAIL_FROM is not/);
  });

  it("refuses a URL that is not SMTP, without showing its password", () => {
    const from = { BATON_MAIL_FROM: "baton@example.com" };
    expect(() => mailOf({ ...from, BATON_SMTP_URL: "https://baton:s3cret@mail.example.com" })).toThrow(
      'BATON_SMTP_URL must be an smtp:// or smtps:// URL with a host, such as smtp://user:pass@mail.example.com:587, not "https://…@mail.example.com".',
    );
    expect(() => mailOf({ ...from, BATON_SMTP_URL: "mail.example.com:587" })).toThrow(/not "mail\.example\.com:587"/);
    expect(() => mailOf({ ...from, BATON_SMTP_URL: "smtp://baton:s3cret@mail.example.com:99999" })).toThrow(/not "smtp:\/\/…@mail\.example\.com:99999"/);
  });

  it("refuses a sender that is not an address", () => {
    expect(() => mailOf({ BATON_SMTP_URL: "smtp://mail.example.com", BATON_MAIL_FROM: "Baton" })).toThrow(
      'BATON_MAIL_FROM must be an e-mail address, with a name if you like ("Baton <baton@example.com>"), not "Baton".',
    );
  });
});

/** Secrets for service calls: named settings, never shown in an error; the demo scoring until a real one is named. */
describe("readEnv: service secrets", () => {
  const dir = mkdtempSync(join(tmpdir(), "baton-secrets-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const envOf = (vars: Record<string, string>) => readEnv({ INIT_CWD: dir, ...vars });

  it("reads BATON_SECRET_<NAME> and the JSON file, the variable winning; empty means unset", () => {
    const env = envOf({
      BATON_SECRETS_FILE: file("secrets.json", '{"SCORING_URL": "https://score.bank.example/v2", "CRM_TOKEN": "from-file"}'),
      BATON_SECRET_CRM_TOKEN: "from-env",
      BATON_SECRET_Tenant_2: "north",
      BATON_SECRET_EMPTY: "",
    });
    expect(env.secrets).toEqual({ SCORING_URL: "https://score.bank.example/v2", CRM_TOKEN: "from-env", Tenant_2: "north" });
    expect(env.demoScoring).toBeNull();
    expect(serviceSecrets(env, { host: "127.0.0.1", port: 3000 })).toEqual(env.secrets);
  });

  it("serves the demo scoring while no SCORING_URL is set, and points the secrets at this server", () => {
    const env = envOf({});
    expect(env.secrets).toEqual({});
    expect(env.demoScoring).toEqual({ key: DEMO_SCORING_KEY });
    expect(serviceSecrets(env, { host: "0.0.0.0", port: 3993 })).toEqual({ SCORING_URL: "http://127.0.0.1:3993/demo/scoring", SCORING_KEY: DEMO_SCORING_KEY });
    const keyed = envOf({ BATON_SECRET_SCORING_KEY: "my-demo-key" });
    expect(keyed.demoScoring).toEqual({ key: "my-demo-key" });
    expect(serviceSecrets(keyed, { host: "::1", port: 80 })).toEqual({ SCORING_URL: "http://[::1]:80/demo/scoring", SCORING_KEY: "my-demo-key" });
  });

  it("refuses a bad name or file with a sentence that names what to fix, never a value", () => {
    expect(() => envOf({ BATON_SECRET_: "x" })).toThrow("BATON_SECRET_ does not name a secret: write BATON_SECRET_<NAME>, the name letters, digits and _, starting with a letter.");
    expect(() => envOf({ "BATON_SECRET_MY-KEY": "x" })).toThrow(/^BATON_SECRET_MY-KEY does not name a secret/);
    expect(() => envOf({ BATON_SECRETS_FILE: "nope.json" })).toThrow(`BATON_SECRETS_FILE names ${join(dir, "nope.json")}, which Baton cannot read: there is no such file.`);
    expect(() => envOf({ BATON_SECRETS_FILE: file("broken.json", '{"KEY": "s3cret-value",') })).toThrow(/which Baton cannot read: it is not valid JSON\.$/);
    expect(() => envOf({ BATON_SECRETS_FILE: file("list.json", '["s3cret-value"]') })).toThrow(/must hold a JSON object of names and text values/);
    expect(() => envOf({ BATON_SECRETS_FILE: file("number.json", '{"PIN": 1234}') })).toThrow(/gives the secret PIN a number; write it as text in quotes\.$/);
    expect(() => envOf({ BATON_SECRETS_FILE: file("name.json", '{"my key": "s3cret-value"}') })).toThrow(/names the secret "my key"/);
    for (const name of ["broken.json", "list.json", "name.json"]) {
      expect(() => envOf({ BATON_SECRETS_FILE: name })).not.toThrow(/s3cret-value/);
    }
  });
});
