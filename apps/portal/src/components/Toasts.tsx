import { CircleCheck, CircleExclamationPoint, X } from "lucide-react";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import { Link } from "react-router";

export type ToastLink = { to: string; label: string };
export type Toast = {
  tone: "success" | "error";
  message: string;
  detail?: string;
  links?: ToastLink[];
};
type ShownToast = Toast & { id: number };

const ToastContext = createContext<(toast: Toast) => void>(() => {
  throw new Error("useToast() needs a <ToastProvider> above it");
});

/** Shows a toast; it stays longer when it carries links and while hovered or focused. */
export function useToast(): (toast: Toast) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((toast: Toast) => {
    const id = nextId.current++;
    setToasts((list) => [...list.slice(-2), { ...toast, id }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} dismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, dismiss }: { toast: ShownToast; dismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const { id } = toast;
  const onDismiss = useCallback(() => dismiss(id), [dismiss, id]);
  const lifetime = toast.links && toast.links.length > 0 ? 15_000 : 5_000;
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(onDismiss, lifetime);
    return () => clearTimeout(timer);
  }, [paused, lifetime, onDismiss]);

  const Icon = toast.tone === "success" ? CircleCheck : CircleExclamationPoint;
  return (
    <div
      className={`toast toast--${toast.tone}`}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <Icon className="toast-icon" size={20} aria-hidden="true" />
      <div className="toast-body">
        <p className="toast-message">{toast.message}</p>
        {toast.detail ? <p className="toast-detail">{toast.detail}</p> : null}
        {toast.links && toast.links.length > 0 ? (
          <ul className="toast-links">
            {toast.links.map((l) => (
              <li key={l.to}>
                <Link to={l.to} onClick={onDismiss}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="icon-btn" onClick={onDismiss} aria-label="Dismiss notification">
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
