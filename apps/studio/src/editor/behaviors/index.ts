import type { EditorStack } from "../commands/index.ts";
import { boundariesFollowHost } from "./boundaries-follow-host.ts";
import { deleteStepConnections } from "./delete-step-connections.ts";
import { singleDefault } from "./single-default.ts";
import { unconditionedBecomesDefault } from "./unconditioned-becomes-default.ts";

export function installBehaviors(stack: EditorStack): void {
  deleteStepConnections(stack);
  boundariesFollowHost(stack);
  singleDefault(stack);
  unconditionedBecomesDefault(stack);
}
