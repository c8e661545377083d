import type { StepKind } from "@baton/model";

const cardKinds = new Set<StepKind>(["userTask", "approval", "notify", "serviceCall", "callActivity"]);

/** Small versions of the canvas shapes, for the palette, headings and lists. */
export function StepKindIcon({ kind, size = 16 }: { kind: StepKind; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" className={`kind-icon kind-${kind}`} aria-hidden="true">
      {kind === "start" && <circle cx="8" cy="8" r="6" className="kind-start-shape" />}
      {kind === "end" && <circle cx="8" cy="8" r="5.5" className="kind-end-shape" />}
      {kind === "timer" && (
        <>
          <circle cx="8" cy="8" r="6.5" className="kind-timer-shape" />
          <circle cx="8" cy="8" r="4.8" className="kind-timer-shape" />
          <path d="M8 5.2 V8 L10 9.2" className="kind-glyph-thin" />
        </>
      )}
      {kind === "boundaryEvent" && (
        <>
          <rect x="1" y="1" width="14" height="7" rx="2" className="kind-task-shape" />
          <circle cx="8" cy="10" r="5" className="kind-timer-shape" />
          <circle cx="8" cy="10" r="3.4" className="kind-timer-shape" />
        </>
      )}
      {kind === "messageCatch" && (
        <>
          <circle cx="8" cy="8" r="6.5" className="kind-timer-shape" />
          <circle cx="8" cy="8" r="4.8" className="kind-timer-shape" />
          <path d="M5.6 6.4 H10.4 V9.8 H5.6 Z M5.6 6.4 L8 8.3 L10.4 6.4" className="kind-glyph-thin" />
        </>
      )}
      {kind === "eventBasedGateway" && (
        <>
          <polygon points="8,1 15,8 8,15 1,8" className="kind-gateway-shape" />
          <circle cx="8" cy="8" r="3.4" fill="none" className="kind-glyph-thin" />
          <polygon points="8,6.3 9.6,7.5 9,9.4 7,9.4 6.4,7.5" fill="none" className="kind-glyph-thin" />
        </>
      )}
      {cardKinds.has(kind) && <rect x="1.5" y="3" width="13" height="10" rx="2.5" className="kind-task-shape" />}
      {kind === "approval" && <path d="M5 8.2 L7.2 10.2 L11 6" className="kind-glyph-thin" />}
      {kind === "notify" && <path d="M6 10 H10 M6.5 10 V7.5 A1.5 1.5 0 0 1 9.5 7.5 V10" className="kind-glyph-thin" />}
      {kind === "serviceCall" && <path d="M4.5 8 H11.5 M9.5 6 L11.5 8 L9.5 10" className="kind-glyph-thin" />}
      {kind === "callActivity" && <path d="M6.5 10.5 H9.5 V13 H6.5 Z M8 10.5 V11.8 M7.3 11.75 H8.7" className="kind-glyph-thin" />}
      {(kind === "exclusiveGateway" || kind === "parallelGateway" || kind === "inclusiveGateway") && (
        <>
          <polygon points="8,1 15,8 8,15 1,8" className="kind-gateway-shape" />
          {kind === "exclusiveGateway" && <path d="M6 6 L10 10 M10 6 L6 10" className="kind-glyph" />}
          {kind === "parallelGateway" && <path d="M8 5 V11 M5 8 H11" className="kind-glyph" />}
          {kind === "inclusiveGateway" && <circle cx="8" cy="8" r="2.6" fill="none" className="kind-glyph" />}
        </>
      )}
      {kind === "subProcess" && (
        <>
          <rect x="1" y="2" width="14" height="12" rx="2" className="kind-task-shape" />
          <path d="M6 11 H10 V14 H6 Z M8 11.6 V13.4 M7.1 12.5 H8.9" className="kind-glyph-thin" />
        </>
      )}
    </svg>
  );
}
