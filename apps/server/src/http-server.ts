import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { TRPCError } from "@trpc/server";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { appRouter, type AppRouter, type Context } from "@baton/api";
import { ping, type Database } from "@baton/db";
import { isUserError } from "@baton/runtime";
import { registerAttachmentRoutes } from "./attachment-routes.ts";
import { registerDemoScoringRoute } from "./demo-scoring-route.ts";
import type { Env } from "./env.ts";
import { registerMessageRoutes } from "./message-routes.ts";
import { actorOfRequest, type RequestActor } from "./request-actor.ts";

/**
 * The HTTP face of Baton: tRPC at /trpc, the built studio and portal as
 * single-page apps at /studio and /portal, files attached to forms at
 * /api/attachments, messages from outside systems at /api/messages/<name>,
 * /healthz for load balancers, and the demo scoring service at
 * /demo/scoring while no real one is configured. tRPC and /api take the
 * session cookie or, from outside systems, `Authorization: Bearer <API token>`.
 */
export const SESSION_COOKIE = "baton_session";
export const BODY_LIMIT = 1024 * 1024;

export async function buildHttpServer(db: Database, env: Env): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: env.logLevel }, bodyLimit: BODY_LIMIT, trustProxy: true });
  await app.register(fastifyCookie);

  app.addHook("onSend", async (_request, reply) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("X-Frame-Options", "DENY");
    reply.header("Referrer-Policy", "same-origin");
  });

  // Cookies are SameSite=Lax; refusing cross-origin mutations closes the rest of CSRF.
  app.addHook("onRequest", async (request, reply) => {
    const origin = request.headers.origin;
    if (request.method === "POST" && origin && new URL(origin).host !== request.headers.host) {
      return reply.code(403).send({ error: "Cross-origin requests are not allowed." });
    }
  });

  app.get("/healthz", async () => {
    await ping(db);
    return { ok: true };
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req, res }): Promise<Context> => {
        const token = req.cookies[SESSION_COOKIE];
        const { actor, viaApiToken } = await tRPCActor(req);
        return {
          db,
          actor,
          viaApiToken,
          now: () => new Date(),
          mail: env.mail,
          clientAddress: req.ip,
          session: {
            token,
            set: (value, expiresAt) =>
              res.setCookie(SESSION_COOKIE, value, { path: "/", httpOnly: true, sameSite: "lax", secure: env.secureCookies, expires: expiresAt }),
            clear: () => res.clearCookie(SESSION_COOKIE, { path: "/" }),
          },
        };
      },
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  await registerAttachmentRoutes(app, db, SESSION_COOKIE);
  await registerMessageRoutes(app, db, { sessionCookie: SESSION_COOKIE, mail: env.mail });
  if (env.demoScoring) await registerDemoScoringRoute(app, env.demoScoring.key);

  const spas: { prefix: string; root: string }[] = [];
  for (const [prefix, root] of [["/studio/", env.studioDist], ["/portal/", env.portalDist]] as const) {
    if (!existsSync(root)) {
      app.log.warn(`${root} is missing: run "pnpm build" to serve ${prefix}`);
      continue;
    }
    await app.register(fastifyStatic, { root, prefix, decorateReply: spas.length === 0, index: "index.html" });
    app.get(prefix.slice(0, -1), (_request, reply) => reply.redirect(prefix));
    spas.push({ prefix, root });
  }
  // Single-page apps: a page path below a prefix (not a missing asset) gets index.html.
  app.setNotFoundHandler((request, reply) => {
    const spa = spas.find((s) => request.url.startsWith(s.prefix));
    const path = request.url.split("?")[0] ?? "";
    if (spa && request.method === "GET" && !path.slice(spa.prefix.length).startsWith("assets/")) {
      return reply.type("text/html").sendFile("index.html", spa.root);
    }
    return reply.code(404).send({ error: `Nothing at ${request.method} ${path}.` });
  });
  app.get("/", (_request, reply) => reply.redirect("/portal/"));
  return app;

  /** A refused API token answers UNAUTHORIZED with the runtime's reason, before any procedure runs. */
  async function tRPCActor(request: FastifyRequest): Promise<RequestActor> {
    try {
      return await actorOfRequest(db, request, SESSION_COOKIE);
    } catch (error) {
      if (isUserError(error)) throw new TRPCError({ code: "UNAUTHORIZED", message: error.message, cause: error });
      throw error;
    }
  }
}
