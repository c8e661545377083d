import type { ReactNode } from "react";

type Props = {
  label: string;
  /** Shown as the tooltip; when disabled, say why. */
  title?: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  shortcut?: string;
};

/**
 * An icon button of the edit toolbar: always labelled for screen readers,
 * and when it cannot be used it stays focusable-looking but disabled, with
 * the reason in its tooltip (no dead buttons).
 */
export function ToolButton({ label, title, icon, onClick, disabled, shortcut }: Props) {
  const tip = title ?? (shortcut ? `${label} (${shortcut})` : label);
  return (
    <span className="tool-button-wrap" title={tip}>
      <button type="button" className="icon-button tool-button" aria-label={label} onClick={onClick} disabled={disabled} aria-keyshortcuts={shortcut}>
        {icon}
      </button>
    </span>
  );
}
