import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The server serves the built studio at /studio/ and tRPC at /trpc on the
// same origin; in development vite proxies /trpc to a locally running server.
export default defineConfig({
  base: "/studio/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    proxy: { "/trpc": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    // Pure modules run in node; component tests opt into jsdom per file.
    environment: "node",
    setupFiles: ["src/test/setup.ts"],
    // Component tests click through whole panels: seconds each on a loaded CI machine (5 s timed out there).
    testTimeout: 30_000,
  },
});
