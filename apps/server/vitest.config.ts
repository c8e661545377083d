import { defineConfig } from "vitest/config";

// CLI tests spawn `baton` once per call (tsx + an embedded database each): seconds apiece, many more on a loaded CI machine.
export default defineConfig({ test: { testTimeout: 420_000, hookTimeout: 420_000 } });
