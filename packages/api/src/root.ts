import { authRouter } from "./routers/auth.ts";
import { portalRouter } from "./routers/portal.ts";
import { studioRouter } from "./routers/studio.ts";
import { router } from "./trpc.ts";

export const appRouter = router({ auth: authRouter, portal: portalRouter, studio: studioRouter });

export type AppRouter = typeof appRouter;
