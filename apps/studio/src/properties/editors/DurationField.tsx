import { isIsoDuration } from "@baton/model";
import { describeDuration } from "../describe-step.ts";
import { TextField } from "./TextField.tsx";

type Props = { label: string; value: string; readOnly: boolean; onCommit: (duration: string) => void; /** "Due within", "Waits" */ verb: string };

/** An ISO 8601 duration (PT4H, P2D), checked and read back in words as it is typed. */
export function DurationField({ label, value, readOnly, onCommit, verb }: Props) {
  return (
    <TextField
      label={label}
      mono
      value={value}
      readOnly={readOnly}
      validate={(t) => (isIsoDuration(t.trim()) ? null : "Use an ISO 8601 duration, e.g. PT4H (4 hours) or P2D (2 days).")}
      hint={(t) => `${verb} ${describeDuration(t.trim()) ?? t}.`}
      onCommit={(t) => onCommit(t.trim())}
    />
  );
}
