import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ProcessDefinition, Problem } from "@baton/model";
import { readBatonError } from "../api/baton-error.ts";
import { api } from "../api/trpc-client.ts";
import { countProblems, summarizeProblems } from "../problems/group-problems.ts";

/** A check the server ran (Validate, or a refused publish), of one exact definition. */
export type ServerCheck = { problems: Problem[]; at: Date; reason: "validate" | "publish"; definition: ProcessDefinition };

/**
 * The server's verdict, shown instead of the live check until the draft
 * changes: any edit makes it stale, and the live check takes over again.
 */
export function useServerCheck(definition: ProcessDefinition, toast: (message: string, tone: "success" | "info" | "error") => void) {
  const [check, setCheck] = useState<ServerCheck | null>(null);
  const validation = useMutation({
    mutationFn: (d: ProcessDefinition) => api.validate(d),
    onSuccess: ({ problems }, d) => {
      setCheck({ problems, at: new Date(), reason: "validate", definition: d });
      const { errors } = countProblems(problems);
      toast(`Server check: ${summarizeProblems(problems)}`, errors ? "error" : problems.length ? "info" : "success");
    },
    onError: (error) => toast(readBatonError(error).message, "error"),
  });
  return {
    check: check && check.definition === definition ? check : null,
    validate: () => validation.mutate(definition),
    validating: validation.isPending,
    refused: (problems: Problem[]) => setCheck({ problems, at: new Date(), reason: "publish", definition }),
  };
}
