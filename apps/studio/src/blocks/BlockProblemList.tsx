import { AlertTriangle, XCircle } from "lucide-react";
import type { Problem } from "@baton/model";

/** What `validateBlock` found in the selection, errors and warnings marked as such. */
export function BlockProblemList({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="block-problems" aria-label="Problems in the selection">
      {problems.map((p, i) => (
        <li key={i} className={`block-problem is-${p.severity}`}>
          {p.severity === "error" ? <XCircle size={14} aria-label="Error" /> : <AlertTriangle size={14} aria-label="Warning" />}
          <span>{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
