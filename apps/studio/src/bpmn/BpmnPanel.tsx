import { Download } from "lucide-react";
import { Button } from "../ui/Button.tsx";
import { BpmnView } from "./BpmnView.tsx";

type Props = {
  xml: string;
  /** Name of the downloaded file, e.g. `lead-to-customer-v2.bpmn`. */
  fileName: string;
  /** What is shown, e.g. "Published version 2, as BPMN 2.0". */
  caption: string;
};

/** A BPMN diagram with a line saying what it is and a button to download the file. */
export function BpmnPanel({ xml, fileName, caption }: Props) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([xml], { type: "application/xml" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="bpmn-panel">
      <div className="bpmn-panel-bar">
        <span>{caption}</span>
        <Button size="sm" icon={<Download size={14} />} onClick={download}>
          Download {fileName}
        </Button>
      </div>
      <BpmnView xml={xml} />
    </div>
  );
}
