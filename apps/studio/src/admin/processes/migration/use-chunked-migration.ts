import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { readBatonError } from "../../../api/baton-error.ts";
import { adminQueryKeys } from "../../admin-api.ts";
import { useMigrationApi, type InstanceOutcome, type MigrationRequest } from "./migration-api.ts";

/** Instances sent per call: small enough that progress moves, large enough to be quick. */
export const MIGRATION_CHUNK = 10;

export type MigrationProgress = { done: number; total: number; results: InstanceOutcome[]; running: boolean; error: string | null };

/**
 * Migrates the chosen instances a few at a time (each one still in its own
 * transaction on the server), so the page can show how far it is and every
 * outcome as it comes. A refusal of the whole request (bad mapping) stops
 * it and is shown; instances already moved stay moved.
 */
export function useChunkedMigration() {
  const api = useMigrationApi();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<MigrationProgress | null>(null);
  const start = async (request: MigrationRequest) => {
    const ids = request.instanceIds;
    const results: InstanceOutcome[] = [];
    setProgress({ done: 0, total: ids.length, results, running: true, error: null });
    let error: string | null = null;
    for (let at = 0; at < ids.length; at += MIGRATION_CHUNK) {
      try {
        const report = await api.run({ ...request, instanceIds: ids.slice(at, at + MIGRATION_CHUNK) });
        results.push(...report.results);
        setProgress({ done: results.length, total: ids.length, results: [...results], running: true, error: null });
      } catch (e) {
        error = readBatonError(e).message;
        break;
      }
    }
    setProgress({ done: results.length, total: ids.length, results: [...results], running: false, error });
    await queryClient.invalidateQueries({ queryKey: adminQueryKeys.all });
  };
  return { progress, start, reset: () => setProgress(null) };
}
