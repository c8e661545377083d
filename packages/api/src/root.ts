import { adminRouter } from "./routers/admin.ts";
import { apiTokensRouter } from "./routers/api-tokens.ts";
import { authRouter } from "./routers/auth.ts";
import { blocksRouter } from "./routers/blocks.ts";
import { formBlocksRouter } from "./routers/form-blocks.ts";
import { incidentsRouter } from "./routers/incidents.ts";
import { messagesRouter } from "./routers/messages.ts";
import { migrationsRouter } from "./routers/migrations.ts";
import { notificationsRouter } from "./routers/notifications.ts";
import { portalRouter } from "./routers/portal.ts";
import { studioRouter } from "./routers/studio.ts";
import { versionsRouter } from "./routers/versions.ts";
import { router } from "./trpc.ts";

export const appRouter = router({ auth: authRouter, portal: portalRouter, studio: studioRouter, blocks: blocksRouter, formBlocks: formBlocksRouter, notifications: notificationsRouter, incidents: incidentsRouter, admin: adminRouter, migrations: migrationsRouter, versions: versionsRouter, messages: messagesRouter, apiTokens: apiTokensRouter });

export type AppRouter = typeof appRouter;
