import { useQuery } from "@tanstack/react-query";
import type { ProcessDefinition } from "@baton/model";
import { useBlocksApi } from "./blocks-api-context.ts";
import { blockQueryKeys } from "./blocks-api.ts";

/**
 * The library blocks a process was assembled from, each with the version
 * it was inserted at (the process records them: `usedBlocks`), named as
 * the library names them; a block no longer in the library keeps its key.
 */
export function UsedBlocksList({ usedBlocks }: { usedBlocks: ProcessDefinition["usedBlocks"] }) {
  const api = useBlocksApi();
  const list = useQuery({ queryKey: blockQueryKeys.list, queryFn: () => api.list() });
  const names = new Map((list.data ?? []).map((b) => [b.key, b]));
  return (
    <ul className="prop-text used-blocks">
      {usedBlocks.map((used) => {
        const block = names.get(used.key);
        const newer = block && block.version > used.version ? ` (the library has v${block.version})` : "";
        return (
          <li key={`${used.key}@${used.version}`}>
            {block?.name ?? <code>{used.key}</code>} <span className="muted">v{used.version}{newer}</span>
          </li>
        );
      })}
    </ul>
  );
}
