import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { BellOff, CheckCheck } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { Spinner } from "../components/Loading.tsx";
import { useToast } from "../components/Toasts.tsx";
import type { NotificationPage, NotificationView } from "../lib/api-types.ts";
import { userMessage } from "../lib/baton-error.ts";
import { describeAge } from "../lib/describe-age.ts";
import { formatFullDateTime } from "../lib/format-date.ts";
import { useNow } from "../lib/use-now.ts";
import { LIST_KEY, NOTIFICATIONS_KEY, POLL_MS, UNREAD_KEY } from "./notification-keys.ts";
import type { NotificationsClient } from "./notifications-client.ts";

const PAGE_SIZE = 20;
const KIND_LABEL: Record<NotificationView["kind"], string> = { alert: "Alert", reminder: "Reminder", escalation: "Escalation", assignment: "Handed to you", cancelled: "Cancelled" };

/**
 * The list behind the bell, newest first, a page at a time. Following a
 * notification's link, or "Mark as read", marks it read; "Mark all as
 * read" marks those up to the newest shown, so one that arrives meanwhile
 * stays unread.
 */
export function NotificationPanel({ id, client, unreadCount, onClose }: {
  id: string;
  client: NotificationsClient;
  unreadCount: number;
  onClose: (returnFocus: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const now = useNow();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);

  const list = useInfiniteQuery({
    queryKey: LIST_KEY,
    queryFn: ({ pageParam }) => client.list({ limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = unreadCount > 0 || items.some((n) => !n.readAt);

  const failed = (what: string) => (error: unknown) => toast({ tone: "error", message: `${what} did not work.`, detail: userMessage(error) });
  const markRead = useMutation({
    mutationFn: (notificationId: string) => client.markRead({ id: notificationId }),
    onSuccess: ({ id: readId, readAt }) => {
      queryClient.setQueryData<InfiniteData<NotificationPage, string | null>>(LIST_KEY, (data) =>
        data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((n) => (n.id === readId ? { ...n, readAt } : n)) })) },
      );
      void queryClient.invalidateQueries({ queryKey: UNREAD_KEY });
    },
    onError: failed("Marking the notification as read"),
  });
  const markAll = useMutation({
    mutationFn: () => client.markAllRead({ upTo: items[0]?.id ?? null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    onError: failed("Marking all as read"),
  });

  const follow = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    onClose(false);
  };

  return (
    <div id={id} ref={panel} className="notification-panel" role="dialog" aria-labelledby={titleId} tabIndex={-1}>
      <div className="notification-panel-header">
        <h2 className="notification-panel-title" id={titleId}>
          Notifications
        </h2>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => markAll.mutate()}
          disabled={!anyUnread || items.length === 0 || markAll.isPending}
        >
          <CheckCheck size={16} aria-hidden="true" />
          <span>Mark all as read</span>
        </button>
      </div>
      <div className="notification-panel-body">
        {list.isPending ? (
          <div className="notification-panel-state" role="status">
            <Spinner /> <span className="muted">Loading notifications…</span>
          </div>
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} title="Your notifications could not be loaded" />
        ) : items.length === 0 ? (
          <EmptyState icon={<BellOff size={26} />} title="No notifications yet.">
            Alerts from processes and reminders about late tasks show up here.
          </EmptyState>
        ) : (
          <ul className="notification-list">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? "notification" : "notification notification--unread"}>
                <div className="notification-meta">
                  <span className={`notification-kind notification-kind--${n.kind}`}>{KIND_LABEL[n.kind]}</span>
                  <time dateTime={n.createdAt} title={formatFullDateTime(n.createdAt)}>
                    {describeAge(n.createdAt, now)}
                  </time>
                </div>
                <p className="notification-subject">
                  {n.readAt ? null : <span className="visually-hidden">Unread: </span>}
                  {n.subject}
                </p>
                {n.message ? <p className="notification-message">{n.message}</p> : null}
                {n.link || !n.readAt ? (
                  <div className="notification-actions">
                    {n.link ? (
                      <Link className="notification-link" to={n.link.to === "task" ? `/tasks/${n.link.id}` : `/requests/${n.link.id}`} onClick={() => follow(n)}>
                        {n.link.to === "task" ? "Open the task" : "Open the request"}
                        <span className="notification-link-label">{n.link.label}</span>
                      </Link>
                    ) : null}
                    {n.readAt ? null : (
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm notification-read"
                        onClick={() => markRead.mutate(n.id)}
                        disabled={markRead.isPending && markRead.variables === n.id}
                        aria-label={`Mark “${n.subject}” as read`}
                      >
                        Mark as read
                      </button>
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage ? (
          <button type="button" className="btn btn-secondary btn-sm btn-block notification-more" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Show older"}
          </button>
        ) : null}
      </div>
    </div>
  );
}
