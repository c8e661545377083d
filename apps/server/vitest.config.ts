import { defineConfig } from "vitest/config";

// CLI tests spawn `baton` once per call (tsx + an embedded database each): seconds apiece, many more on a loaded CI machine.
export default defineConfig({ test: { testTimeout: 180_000, hookTimeout: 180_000 } });
