import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { NotificationPanel } from "./NotificationPanel.tsx";
import { POLL_MS, UNREAD_KEY } from "./notification-keys.ts";
import { trpcNotifications, type NotificationsClient } from "./notifications-client.ts";

/**
 * The header's bell: the unread count, asked for every 30 seconds (and when
 * the window regains focus), and a button that opens the notifications
 * panel. The panel is a non-modal popover: it takes focus when it opens;
 * Escape closes it and gives focus back to the bell; a click or focus
 * outside closes it too.
 */
export function NotificationBell({ client = trpcNotifications }: { client?: NotificationsClient }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const unread = useQuery({ queryKey: UNREAD_KEY, queryFn: () => client.unreadCount(), refetchInterval: POLL_MS });
  const count = unread.data?.count ?? 0;

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) close(false);
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
    };
  }, [open, close]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close(true);
    }
  };

  return (
    <div className="bell" ref={wrapper} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="btn btn-ghost btn-sm bell-button"
        aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <Bell size={18} aria-hidden="true" />
        {count > 0 ? (
          <span className="bell-badge" aria-hidden="true">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? <NotificationPanel id={panelId} client={client} unreadCount={count} onClose={close} /> : null}
    </div>
  );
}
