/** react-query keys of the bell: invalidating NOTIFICATIONS_KEY refreshes both. */
export const NOTIFICATIONS_KEY = ["notifications"] as const;
export const UNREAD_KEY = [...NOTIFICATIONS_KEY, "unread"] as const;
export const LIST_KEY = [...NOTIFICATIONS_KEY, "list"] as const;

/** How often the bell asks for news (and the open panel for its list). */
export const POLL_MS = 30_000;
