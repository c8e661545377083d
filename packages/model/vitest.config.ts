import { defineConfig } from "vitest/config";

// The first BPMN import loads bpmn-moddle's schemas; on a busy CI machine that alone
// has taken over five seconds. Tests check behaviour, not speed (benchmarks do that).
export default defineConfig({ test: { testTimeout: 30_000 } });
