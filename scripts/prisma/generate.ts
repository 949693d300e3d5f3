// `prisma generate` without a network: Prisma 7's CLI tries to download its schema engine
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and generate never runs it.
import { execFileSync } from "node:child_process";
import path from "node:path";

execFileSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
