import { Handle, Position } from "@xyflow/react";

const sides = [
  ["top", Position.Top],
  ["right", Position.Right],
  ["bottom", Position.Bottom],
  ["left", Position.Left],
] as const;

/**
 * A source and a target handle on every side; `definition-to-flow` picks
 * which pair an edge uses (`s-right` → `t-left`…). Invisible for now: the
 * canvas is read-only, so nothing is connected by dragging.
 */
export function NodeHandles() {
  return (
    <>
      {sides.map(([name, position]) => (
        <Handle key={`s-${name}`} id={`s-${name}`} type="source" position={position} className="step-handle" isConnectable={false} />
      ))}
      {sides.map(([name, position]) => (
        <Handle key={`t-${name}`} id={`t-${name}`} type="target" position={position} className="step-handle" isConnectable={false} />
      ))}
    </>
  );
}
