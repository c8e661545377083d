import type { Element } from "./element.ts";

/**
 * A parallel gateway waits for a token by every incoming connection (a join,
 * when there are several), then sends one token along every outgoing
 * connection (a split, when there are several). Waiting tokens record the
 * connection they came by in `via`; a second token by the same connection
 * (a loop came round again) waits for the next round instead of counting
 * twice. A token stuck under an incident at the gateway does not count, nor
 * does one of another run of the same sub-process (another scope).
 */
export const parallelGatewayElement: Element<"parallelGateway"> = {
  arrive(token, step, run) {
    const incoming = run.graph.incoming(step.id);
    if (incoming.length > 1) {
      const stuck = new Set(run.state.incidents.map((i) => i.tokenId));
      const waiting = run.state.tokens.filter((t) => t.stepId === step.id && t.parentId === token.parentId && !stuck.has(t.id));
      const arrived = [...waiting, token];
      const firstBy = incoming.map((c) => arrived.find((t) => t.via === c.id));
      if (firstBy.some((t) => t === undefined)) {
        run.wait(token);
        return;
      }
      // All there: the first token by each connection merges into the ones that leave.
      const merged = new Set(firstBy.map((t) => t?.id));
      const kept = run.state.tokens.filter((t) => !merged.has(t.id));
      run.state.tokens.splice(0, run.state.tokens.length, ...kept);
    }
    run.leaveByAll(token);
  },
};
