import { useEffect, useState } from "react";

/**
 * `value`, once it has stopped changing for `delayMs` (0: at once). For
 * work too slow to redo on every keystroke or nudge, such as checking a
 * process of a thousand steps.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delayMs <= 0) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs <= 0 ? value : settled;
}
