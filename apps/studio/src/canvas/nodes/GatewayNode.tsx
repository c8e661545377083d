import type { NodeProps } from "@xyflow/react";
import { useCanvas } from "../canvas-context.ts";
import type { StepNode } from "../flow-types.ts";
import { NodeHandles } from "./NodeHandles.tsx";
import { nodeClasses } from "./node-classes.ts";
import { StepLabel } from "./StepLabel.tsx";

/**
 * A diamond: "X" for an exclusive decision (one path is taken), "+" for a
 * parallel gateway (all paths), "O" for an inclusive one (every path whose
 * condition holds), a pentagon in a double ring for an event gateway (the
 * first event after it wins). The name sits above-left so branches leaving by the top
 * or bottom corner never cross it.
 */
export function GatewayNode({ data, selected }: NodeProps<StepNode>) {
  const { editable } = useCanvas();
  const { kind } = data.step;
  return (
    <div className={nodeClasses("step-gateway", data, selected)} title={data.title}>
      <svg className="step-gateway-shape" viewBox="0 0 56 56" aria-hidden="true">
        <polygon className="step-gateway-diamond" points="28,2 54,28 28,54 2,28" />
        {kind === "exclusiveGateway" && <path className="step-gateway-glyph" d="M20 20 L36 36 M36 20 L20 36" />}
        {kind === "parallelGateway" && <path className="step-gateway-glyph" d="M28 17 V39 M17 28 H39" />}
        {kind === "inclusiveGateway" && <circle className="step-gateway-glyph" cx="28" cy="28" r="10" fill="none" />}
        {kind === "eventBasedGateway" && (
          <g className="step-gateway-glyph is-event">
            <circle cx="28" cy="28" r="12" />
            <circle cx="28" cy="28" r="9.5" />
            <polygon points="28,21 35,26 32.5,34 23.5,34 21,26" />
          </g>
        )}
      </svg>
      <StepLabel data={data} className="step-outside-label step-gateway-label" />
      <NodeHandles connectable={editable} />
    </div>
  );
}
