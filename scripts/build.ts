// `npm run build`: generate the Prisma client, build Next, and stamp the build with the
// sources it came from so `npm start` knows whether it must build again.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { markBuildCurrent } from "./build-state";

const node = process.execPath;
execFileSync(node, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/prisma/generate.ts"], { stdio: "inherit" });
execFileSync(node, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
markBuildCurrent();
