import type { NotificationPage } from "../lib/api-types.ts";
import { trpc } from "../lib/trpc.ts";

/**
 * What the bell asks of the server (`notifications.*` in API.md), as four
 * calls, so the bell can be rendered against any implementation of them:
 * the portal's tRPC client here, an in-memory one in component tests.
 */
export type NotificationsClient = {
  unreadCount: () => Promise<{ count: number }>;
  list: (input: { limit?: number; cursor?: string | null }) => Promise<NotificationPage>;
  markRead: (input: { id: string }) => Promise<{ id: string; readAt: string }>;
  markAllRead: (input: { upTo?: string | null }) => Promise<{ marked: number }>;
};

export const trpcNotifications: NotificationsClient = {
  unreadCount: () => trpc.notifications.unreadCount.query(),
  list: (input) => trpc.notifications.list.query(input),
  markRead: (input) => trpc.notifications.markRead.mutate(input),
  markAllRead: (input) => trpc.notifications.markAllRead.mutate(input),
};
