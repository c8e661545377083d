import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the service received it. */
export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

/** What the service does with the next request: answer (once `after` settles, when given), or never answer (until closed). */
export type Answer = { status: number; body?: unknown; text?: string; headers?: Record<string, string>; after?: Promise<unknown> } | "hang";

export type HttpService = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: ReceivedRequest[];
  /** Answers for the next requests, in order; when empty, `fallback`. */
  answers: Answer[];
  fallback: Answer;
  close(): Promise<void>;
};

/**
 * A real HTTP service on a free local port for service-call tests: it
 * records every request and answers from a queue the test fills (e.g. two
 * 503s, then a score), so retries, timeouts and idempotency keys are seen
 * over the wire, not through a fake fetch. `port`: listen there (a service
 * that was closed coming back at its old address); by default a free one.
 */
export async function startHttpService(fallback: Answer = { status: 200, body: {} }, port = 0): Promise<HttpService> {
  const service: Omit<HttpService, "url" | "close"> = { received: [], answers: [], fallback };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      service.received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const answer = service.answers.shift() ?? service.fallback;
      if (answer === "hang") return;
      if (answer.after) {
        void answer.after.then(() => reply(answer));
        return;
      }
      reply(answer);
    });
    const reply = (answer: Exclude<Answer, "hang">) => {
      if (res.destroyed) return; // the caller gave up waiting
      const text = answer.text ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
      res.writeHead(answer.status, { "Content-Type": answer.text === undefined ? "application/json" : "text/plain", ...answer.headers });
      res.end(text);
    };
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return Object.assign(service, {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
