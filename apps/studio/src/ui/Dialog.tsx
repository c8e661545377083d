import { useId, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useFocusTrap } from "./use-focus-trap.ts";

type Props = {
  title: string;
  children: ReactNode;
  /** The buttons row; put `data-autofocus` on the one that should get focus. */
  actions: ReactNode;
  onClose: () => void;
  /** While something runs, Escape and the backdrop do not close. */
  locked?: boolean;
  /** Room for a form (the studio's form preview). */
  wide?: boolean;
};

/** A modal dialog: rendered on top of everything, keyboard stays inside. */
export function Dialog({ title, children, actions, onClose, locked, wide }: Props) {
  const titleId = useId();
  const close = () => {
    if (!locked) onClose();
  };
  const ref = useFocusTrap<HTMLDivElement>(close);
  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div ref={ref} className={`dialog ${wide ? "is-wide" : ""}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>,
    document.body,
  );
}
