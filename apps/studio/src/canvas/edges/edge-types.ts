import type { EdgeTypes } from "@xyflow/react";
import { ConnectionEdgeView } from "./ConnectionEdgeView.tsx";

export const edgeTypes = { connection: ConnectionEdgeView } as EdgeTypes;
