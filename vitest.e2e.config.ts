import { defineConfig } from "vitest/config";

// Browser tests: the production build, started by scripts/start.ts as `npm start` does,
// driven by playwright-core in Debian's Chromium. Run after `npm run build`.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/setup/app-server.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
