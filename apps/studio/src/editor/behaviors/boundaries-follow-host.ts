import type { EditorStack } from "../commands/index.ts";

/**
 * A boundary event belongs to the step it sits on: deleting the step
 * deletes its events (and so their connections), and moving it moves its
 * events by as much, in the same undo step. An event moved along with its
 * step (both selected) is not moved twice.
 */
export function boundariesFollowHost(stack: EditorStack): void {
  stack.on("pre", "step.delete", ({ ids }, s) => {
    const gone = new Set(ids);
    const riders = s.definition.steps.filter((st) => st.kind === "boundaryEvent" && gone.has(st.attachedTo) && !gone.has(st.id)).map((st) => st.id);
    if (riders.length > 0) s.execute("step.delete", { ids: riders });
  });
  stack.on("pre", "step.move", ({ moves }, s) => {
    const moved = new Set(moves.map((m) => m.id));
    const shift = new Map<string, { dx: number; dy: number }>();
    for (const { id, position } of moves) {
      const step = s.definition.steps.find((st) => st.id === id);
      if (step && (step.position.x !== position.x || step.position.y !== position.y)) {
        shift.set(id, { dx: position.x - step.position.x, dy: position.y - step.position.y });
      }
    }
    if (shift.size === 0) return;
    const riders = s.definition.steps.flatMap((st) => {
      const by = st.kind === "boundaryEvent" && !moved.has(st.id) ? shift.get(st.attachedTo) : undefined;
      return by ? [{ id: st.id, position: { x: st.position.x + by.dx, y: st.position.y + by.dy } }] : [];
    });
    if (riders.length > 0) s.execute("step.move", { moves: riders });
  });
}
