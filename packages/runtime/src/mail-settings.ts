/**
 * Outgoing e-mail as the server's environment configures it (read and
 * checked in apps/server `env.ts`, from `BATON_SMTP_URL` and
 * `BATON_MAIL_FROM`). Passed down as an option; absent means Baton sends
 * no e-mail and enqueues none.
 */
export type MailSettings = {
  /** `smtp://user:pass@host:587` or `smtps://…:465`, as nodemailer reads it. */
  smtpUrl: string;
  /** The sender, e.g. `Baton <baton@example.com>`. */
  from: string;
};
