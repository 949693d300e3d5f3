import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The app's "@/..." imports (tsconfig paths), so tests can call route handlers themselves.
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }] },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/db/**/*.test.ts"],
    globalSetup: ["tests/setup/global-postgres.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
