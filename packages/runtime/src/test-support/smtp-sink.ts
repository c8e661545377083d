import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps what it is
 * sent, for tests of outgoing e-mail: nothing in Baton is replaced, the
 * mail goes over a socket and is parsed the way a mail client would.
 * With `credentials`, it asks for them (AUTH PLAIN/LOGIN without TLS, as
 * on a local relay). `answer` lets a test refuse a recipient with a reply
 * code (550 permanent, 451 try later).
 */
export type Mailbox = { name: string; address: string };

export type ReceivedMail = {
  envelope: { from: string; to: string[] };
  /** The headers, as a mail client shows them. */
  from: Mailbox[];
  to: Mailbox[];
  subject: string;
  text: string;
  messageId: string;
  user: string | undefined;
};

export type SmtpSink = {
  url: string;
  received: ReceivedMail[];
  close: () => Promise<void>;
};

export type SmtpSinkOptions = {
  credentials?: { user: string; pass: string };
  answer?: (recipient: string) => { code: number; message: string } | null;
};

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const refuse = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", ...(options.credentials ? [] : ["AUTH"])],
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const want = options.credentials;
      if (want && auth.username === want.user && auth.password === want.pass) return callback(null, { user: auth.username });
      callback(refuse(535, "Authentication failed"));
    },
    onRcptTo(address, _session, callback) {
      const answer = options.answer?.(address.address);
      callback(answer ? refuse(answer.code, answer.message) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const mailboxes = (value: typeof mail.to) =>
            (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((m) => ({ name: m.name, address: m.address ?? "" })));
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from: mailboxes(mail.from),
            to: mailboxes(mail.to),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? "",
            user: typeof session.user === "string" ? session.user : undefined,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const auth = options.credentials ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.pass)}@` : "";
  return {
    url: `smtp://${auth}127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
