import { useEffect, useRef, useState, type KeyboardEvent } from "react";

type Props = {
  initial: string;
  /** Read by screen readers: "Name of Dispatch", "Label of the connection…". */
  label: string;
  onCommit: (text: string) => void;
  onCancel: () => void;
  className?: string;
};

/**
 * A label typed in place on the canvas: Enter or leaving the field keeps
 * it, Escape drops it. `nodrag nopan` keeps React Flow from treating
 * clicks and selection inside the field as a drag of the canvas.
 */
export function InlineLabelEditor({ initial, label, onCommit, onCancel, className }: Props) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed here are text, not canvas shortcuts (Delete, arrows, Ctrl+Z).
    e.stopPropagation();
    if (e.key === "Enter") finish(true);
    if (e.key === "Escape") finish(false);
  };
  return (
    <input
      ref={ref}
      className={`inline-label-editor nodrag nopan nowheel ${className ?? ""}`}
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
