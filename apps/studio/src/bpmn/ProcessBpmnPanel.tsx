import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys.ts";
import { ErrorState } from "../ui/ErrorState.tsx";
import { Spinner } from "../ui/Spinner.tsx";
import { bpmnApi } from "./bpmn-api.ts";
import { BpmnPanel } from "./BpmnPanel.tsx";

type Props = {
  processKey: string;
  /** A published version; the saved draft when left out. */
  version?: number;
};

/**
 * A stored process as BPMN 2.0, exported by the server (`studio.exportBpmn`):
 * the saved draft or a published version, drawn by bpmn-js, with the file
 * to download for Camunda Modeler and other tools.
 */
export function ProcessBpmnPanel({ processKey, version }: Props) {
  const exported = useQuery({
    queryKey: [...queryKeys.process(processKey), "bpmn", version ?? "draft"],
    queryFn: () => bpmnApi.exportBpmn(processKey, version),
  });
  if (exported.isPending) return <Spinner label="Exporting as BPMN…" />;
  if (exported.isError) return <ErrorState title="The BPMN export failed" error={exported.error} onRetry={() => void exported.refetch()} />;
  const { xml, fileName, source } = exported.data;
  const caption = source === "draft" ? "The saved draft, as BPMN 2.0" : `Published version ${exported.data.version}, as BPMN 2.0`;
  return <BpmnPanel xml={xml} fileName={fileName} caption={caption} />;
}
