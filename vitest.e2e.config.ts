import { defineConfig } from "vitest/config";

// End-to-end tests drive a real Chromium with the built extension (.output/chrome-mv3).
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: "forks",
  },
});
