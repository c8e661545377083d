import type { NotificationInput } from "../notifications.ts";

/** A notify step's alert at `at`, to nobody until a test names recipients. */
export const alertAt =
  (at: string, message: string) =>
  (over: Partial<NotificationInput>): NotificationInput => ({
    users: [],
    groups: [],
    instanceId: null,
    kind: "alert",
    subject: "Ship order A-17",
    message,
    at,
    ...over,
  });
