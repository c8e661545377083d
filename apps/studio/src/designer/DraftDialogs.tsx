import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryKeys } from "../api/query-keys.ts";
import type { DraftView } from "../api/studio-types.ts";
import type { Autosave, AutosaveStatus } from "../editor/autosave.ts";
import type { EditorStack } from "../editor/commands/index.ts";
import { dropLocalCopies, type LocalCopy } from "../editor/local-copies.ts";
import { ConflictDialog } from "./ConflictDialog.tsx";
import { RestoreDialog } from "./RestoreDialog.tsx";

type Props = {
  processKey: string;
  stack: EditorStack;
  autosave: Autosave;
  status: AutosaveStatus;
  draft: Pick<DraftView, "version" | "definition" | "updatedAt" | "updatedBy">;
  /** A copy of unsaved work found when the page opened (see local-copies.ts). */
  keptCopy: LocalCopy | null;
  personName: (username: string | null) => string;
  conflictOpen: boolean;
  setConflictOpen: (open: boolean) => void;
  notify: (message: string, tone: "success" | "info" | "error") => void;
};

/** The two "what do we keep?" questions: a save refused as stale, and work kept from an earlier visit. */
export function DraftDialogs(props: Props) {
  const { processKey, stack, autosave, status, personName, conflictOpen, setConflictOpen, notify } = props;
  const queryClient = useQueryClient();
  const [copy, setCopy] = useState(props.keptCopy);

  useEffect(() => {
    if (status.state === "conflict") setConflictOpen(true);
  }, [status.state, setConflictOpen]);

  const adopt = (latest: DraftView) => queryClient.setQueryData(queryKeys.draft(processKey), latest);

  return (
    <>
      {copy && (
        <RestoreDialog
          copy={copy}
          draft={props.draft}
          personName={personName}
          onRestore={() => {
            stack.execute("process.restore", { definition: copy.definition });
            setCopy(null);
            notify("Your changes are back; they are being saved.", "success");
          }}
          onDiscard={() => {
            if (typeof localStorage !== "undefined") dropLocalCopies(localStorage, processKey);
            setCopy(null);
          }}
        />
      )}
      {conflictOpen && status.state === "conflict" && (
        <ConflictDialog
          processKey={processKey}
          mine={stack.definition}
          message={status.message}
          personName={personName}
          onClose={() => setConflictOpen(false)}
          onReload={(latest) => {
            autosave.reloadLatest(latest.definition, latest.version, latest.updatedAt);
            adopt(latest);
            setConflictOpen(false);
            notify(`Reloaded version ${latest.version}; your changes were discarded.`, "info");
          }}
          onOverwrite={(latest) => {
            setConflictOpen(false);
            void autosave.overwrite(latest.version).then(() => {
              if (autosave.getStatus().state === "saved") notify(`Your draft replaced version ${latest.version}.`, "success");
            });
          }}
        />
      )}
    </>
  );
}
