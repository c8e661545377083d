import { snapToBorder } from "../boundary-factory.ts";
import type { EditorStack } from "../commands/index.ts";

/**
 * A boundary event belongs to the step it sits on: deleting the step
 * deletes its events (and so their connections), and moving it moves its
 * events by as much, in the same undo step. An event moved along with its
 * step (both selected) is not moved twice. An event moved on its own stays
 * on its step: it comes to rest on the nearest point of the step's border.
 */
export function boundariesFollowHost(stack: EditorStack): void {
  let following = false;
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
    if (riders.length === 0) return;
    // The riders move before their steps do: not to be snapped to where their steps were.
    following = true;
    try {
      s.execute("step.move", { moves: riders });
    } finally {
      following = false;
    }
  });
  stack.on("post", "step.move", ({ moves }, s) => {
    if (following) return;
    const moved = new Set(moves.map((m) => m.id));
    const snaps = moves.flatMap(({ id }) => {
      const event = s.definition.steps.find((st) => st.id === id);
      if (event?.kind !== "boundaryEvent" || moved.has(event.attachedTo)) return [];
      const host = s.definition.steps.find((st) => st.id === event.attachedTo);
      if (!host) return [];
      const position = snapToBorder(host, event.position);
      return position.x === event.position.x && position.y === event.position.y ? [] : [{ id, position }];
    });
    if (snaps.length > 0) s.execute("step.move", { moves: snaps });
  });
}
