import { describe, expect, it } from "vitest";
import { readEnv } from "./env.ts";

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
