import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ProcessDefinition } from "@baton/model";
import { queryKeys } from "../api/query-keys.ts";
import type { DraftView } from "../api/studio-types.ts";
import { api } from "../api/trpc-client.ts";
import { useMe } from "../auth/use-session.ts";
import { useLiveProblems } from "../problems/use-live-problems.ts";
import { useToast } from "../ui/Toaster.tsx";
import { autoLayout } from "./auto-layout.ts";
import { useAutosave, useEditorStack, useStackDefinition } from "./use-editor.ts";
import { useDesigner } from "./use-designer.ts";
import { useDesignerShortcuts } from "./use-designer-shortcuts.ts";

type Options = {
  processKey: string;
  draft: Pick<DraftView, "definition" | "version">;
  viewportCentre: () => { x: number; y: number };
};

/**
 * Everything one opened draft needs, wired together: the command stack,
 * the live definition, autosave (which also refreshes the cached draft, so
 * coming back to the page opens what was saved), the designer's state and
 * actions, its keyboard, and the live problems.
 */
export function useDraftSession({ processKey, draft, viewportCentre }: Options) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const stack = useEditorStack(draft.definition);
  const definition = useStackDefinition(stack);
  const { autosave, status } = useAutosave(stack, processKey, draft.version, (saved: { definition: ProcessDefinition; version: number; updatedAt: string }) => {
    queryClient.setQueryData<DraftView>(queryKeys.draft(processKey), {
      key: processKey,
      version: saved.version,
      definition: saved.definition,
      updatedAt: saved.updatedAt,
      updatedBy: me?.username ?? null,
    });
    void queryClient.invalidateQueries({ queryKey: queryKeys.processes, refetchType: "none" });
  });
  const processes = useQuery({ queryKey: queryKeys.processes, queryFn: api.processes });
  const stepDefaults = useMemo(
    // A new call runs a published process where there is one: an unpublished one cannot be called yet.
    () => {
      const others = processes.data?.filter((p) => p.key !== processKey) ?? [];
      return { processKey: (others.find((p) => p.published) ?? others[0])?.key ?? "other-process" };
    },
    [processes.data, processKey],
  );
  const designer = useDesigner({ stack, definition, notify: toast, stepDefaults, viewportCentre, layout: autoLayout ?? undefined });
  useDesignerShortcuts(designer, () => stack.definition.steps.map((s) => s.id));
  const live = useLiveProblems(definition);
  return { stack, definition, autosave, status, designer, liveProblems: live.problems, checking: live.checking, processes: processes.data?.map((p) => ({ key: p.key, name: p.name, published: p.published !== null })) ?? [] };
}
