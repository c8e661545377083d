import { Handle, Position } from "@xyflow/react";

const sides = [
  ["top", Position.Top],
  ["right", Position.Right],
  ["bottom", Position.Bottom],
  ["left", Position.Left],
] as const;

/**
 * A source and a target handle on every side; `definition-to-flow` picks
 * which pair an edge uses (`s-right` → `t-left`…). When the draft can be
 * edited, the source handles are the dots an analyst drags from to connect
 * (the canvas runs in "loose" mode, so a drop on any handle, or anywhere on
 * a step, connects). Target handles are anchors only.
 */
export function NodeHandles({ connectable = false }: { connectable?: boolean }) {
  return (
    <>
      {sides.map(([name, position]) => (
        <Handle key={`t-${name}`} id={`t-${name}`} type="target" position={position} className="step-anchor" isConnectable={false} />
      ))}
      {sides.map(([name, position]) => (
        <Handle
          key={`s-${name}`}
          id={`s-${name}`}
          type="source"
          position={position}
          className={`step-handle ${connectable ? "is-connectable" : ""}`}
          isConnectable={connectable}
          title={connectable ? "Drag to connect to another step" : undefined}
        />
      ))}
    </>
  );
}
