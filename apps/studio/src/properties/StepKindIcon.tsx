import type { StepKind } from "@baton/model";

/** Small versions of the canvas shapes, for headings and lists. */
export function StepKindIcon({ kind, size = 16 }: { kind: StepKind; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" className={`kind-icon kind-${kind}`} aria-hidden="true">
      {kind === "start" && <circle cx="8" cy="8" r="6" className="kind-start-shape" />}
      {kind === "end" && <circle cx="8" cy="8" r="5.5" className="kind-end-shape" />}
      {kind === "userTask" && <rect x="1.5" y="3" width="13" height="10" rx="2.5" className="kind-task-shape" />}
      {(kind === "exclusiveGateway" || kind === "parallelGateway") && (
        <>
          <polygon points="8,1 15,8 8,15 1,8" className="kind-gateway-shape" />
          {kind === "exclusiveGateway" ? (
            <path d="M6 6 L10 10 M10 6 L6 10" className="kind-glyph" />
          ) : (
            <path d="M8 5 V11 M5 8 H11" className="kind-glyph" />
          )}
        </>
      )}
    </svg>
  );
}
