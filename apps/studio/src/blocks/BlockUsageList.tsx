import { useQuery } from "@tanstack/react-query";
import { readBatonError } from "../api/baton-error.ts";
import { Spinner } from "../ui/Spinner.tsx";
import { blockQueryKeys } from "./blocks-api.ts";
import { useBlocksApi } from "./blocks-api-context.ts";

const versions = (list: number[]) => list.map((v) => `v${v}`).join(", ");

/** Where a block is used: the drafts and published process versions that recorded it. */
export function BlockUsageList({ blockKey }: { blockKey: string }) {
  const api = useBlocksApi();
  const usage = useQuery({ queryKey: blockQueryKeys.usage(blockKey), queryFn: () => api.usage(blockKey) });
  if (usage.isPending) return <Spinner label="Looking up where it is used…" />;
  if (usage.isError) return <p className="text-error">Where it is used could not be loaded: {readBatonError(usage.error).message}</p>;
  const { drafts, published } = usage.data;
  if (drafts.length === 0 && published.length === 0) return <p className="muted">No process uses it yet.</p>;
  return (
    <div className="block-usage">
      <p>Processes built from it keep the version they used:</p>
      <ul>
        {drafts.map((d) => (
          <li key={`d:${d.processKey}`}>
            {d.name} <span className="muted">— draft, block {versions(d.blockVersions)}</span>
          </li>
        ))}
        {published.map((p) => (
          <li key={`p:${p.processKey}:${p.version}`}>
            {p.name} <span className="muted">— published version {p.version}, block {versions(p.blockVersions)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
