import { createTransport, type NodemailerError, type Transporter } from "nodemailer";
import { z } from "zod";
import type { MailSettings } from "../mail-settings.ts";
import type { EmailJobPayload } from "../notifications.ts";
import { externalJob, PermanentJobError, type ExternalJobHandler } from "./job-handler.ts";

/**
 * The `email` job: one notification's e-mail to one recipient, over SMTP
 * with nodemailer, sent outside any transaction (an external job,
 * job-handler.ts). The payload carries everything (address, subject,
 * text), so nothing else is read. Sending is outside the database, so it
 * happens at least once: a failure after the server took the message sends
 * it again on the retry, with the same Message-ID (from the job's id) so
 * mail clients can fold the copies. A rejection the server calls permanent
 * (5xx: unknown mailbox, wrong credentials) fails the job at once; a
 * connection failure or a 4xx is retried by the worker.
 */
const payloadSchema: z.ZodType<EmailJobPayload> = z.object({
  to: z.object({ name: z.string(), address: z.string().min(3) }),
  subject: z.string().min(1),
  text: z.string(),
});

/** Short timeouts (the URL's own query parameters win): they bound the job's lease (an e-mail is sent outside any transaction). */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000, dnsTimeout: 15_000 };

export function sendEmailJob(mail: MailSettings | null | undefined): ExternalJobHandler {
  let transport: Transporter | undefined;
  return externalJob<void>({
    async perform(job) {
      if (!mail) {
        throw new PermanentJobError("E-mail is not configured on this server (set BATON_SMTP_URL and BATON_MAIL_FROM), so the e-mail was not sent.");
      }
      const parsed = payloadSchema.safeParse(job.payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new PermanentJobError(`email job ${job.id} has a malformed payload: ${issue ? `${issue.path.join(".") || "payload"}: ${issue.message}` : "unreadable"}`);
      }
      const { to, subject, text } = parsed.data;
      transport ??= createTransport({ url: mail.smtpUrl, ...TIMEOUTS }, { from: mail.from });
      try {
        await transport.sendMail({ to: { name: to.name, address: to.address }, subject, text, messageId: `<${job.id}@${senderDomain(mail.from)}>` });
      } catch (error) {
        const cause = error as NodemailerError;
        const reason = `the SMTP server ${cause.responseCode ? `answered ${cause.response ?? cause.responseCode}` : `could not be reached or used (${cause.message})`}`;
        const message = `E-mail to ${to.address} was not sent: ${reason}`;
        if (cause.permanent) throw new PermanentJobError(message, { cause });
        throw new Error(message, { cause });
      }
    },
    // Connecting, greeting and a stalled socket at most, and a margin.
    leaseMs: () => TIMEOUTS.connectionTimeout + TIMEOUTS.greetingTimeout + TIMEOUTS.socketTimeout + 60_000,
  });
}

/** The domain of the sender's address, for Message-IDs (`Baton <baton@example.com>` → `example.com`). */
function senderDomain(from: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? "baton.invalid";
}
