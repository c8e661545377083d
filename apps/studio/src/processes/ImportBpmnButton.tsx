import { FileUp } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "../ui/Button.tsx";

const ImportBpmnDialog = lazy(() => import("../bpmn/index.ts").then((m) => ({ default: m.ImportBpmnDialog })));

/** "Import BPMN" on the processes list: a .bpmn file becomes a draft (apps/studio/src/bpmn). */
export function ImportBpmnButton() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileUp size={16} aria-hidden="true" />} onClick={() => setOpen(true)}>
        Import BPMN
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ImportBpmnDialog onClose={() => setOpen(false)} onOpenDraft={(key) => navigate(`/processes/${encodeURIComponent(key)}`)} />
        </Suspense>
      )}
    </>
  );
}
