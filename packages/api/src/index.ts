export { appRouter, type AppRouter } from "./root.ts";
export type { Context, SessionCookie } from "./context.ts";
export type { Me } from "./routers/auth.ts";
export { INTERNAL_MESSAGE, type BatonErrorData } from "./trpc.ts";
