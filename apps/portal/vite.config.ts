import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Served by apps/server at /portal/, with tRPC at /trpc on the same origin.
export default defineConfig({
  base: "/portal/",
  plugins: [react()],
  resolve: {
    // @baton/forms brings its own react devDependency; one copy for the whole page.
    dedupe: ["react", "react-dom"],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: {
        // @baton/model's modules only declare (zod schemas, pure functions);
        // the form rules need its FEEL helper, not the whole process contract.
        moduleSideEffects: (id: string) => (id.includes("/packages/model/src/") ? false : undefined),
      },
    },
  },
  server: {
    proxy: {
      "/trpc": "http://127.0.0.1:3000",
      "/api": "http://127.0.0.1:3000",
    },
  },
  preview: {
    proxy: {
      "/trpc": "http://127.0.0.1:3000",
      "/api": "http://127.0.0.1:3000",
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // Component tests click through whole panels: seconds each on a loaded CI machine (5 s timed out there).
    testTimeout: 30_000,
  },
});
