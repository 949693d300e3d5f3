// `npm start`: build if the sources changed, open the database (embedded PostgreSQL unless
// DATABASE_URL is set), apply migrations, load the demo study on first start, and serve
// the production app. Ctrl-C / SIGTERM stop the app and its PostgreSQL cleanly.
import { execFileSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import next from "next";
import { initClientAddressStamping, stampClientAddress } from "../lib/auth/client-address";
import { resolveAuthSecret } from "../lib/auth/secret";
import { openDatabase } from "../lib/db/database";
import { findFreePort } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/migrate";
import { failInterruptedJobs } from "../lib/jobs/liveness";
import { purgeExpiredProjects, recoveryDays } from "../lib/projects/lifecycle";
import { buildIsCurrent } from "./build-state";
import { refuseAtTheDoor } from "./front-door";
import { loadDemoOnFirstStart } from "./start-demo";

const root = process.cwd();
const dataDir = process.env.GROUNDED_DATA_DIR ?? path.join(root, ".data");
const production = process.env.NODE_ENV === "production";
const say = (line: string) => console.log(`[grounded] ${line}`);

async function main() {
  if (!buildIsCurrent(root)) {
    say("Building the app (first start, or the sources changed). This takes a minute or two…");
    execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/build.ts"], { stdio: "inherit" });
  }

  const database = await openDatabase({ dataDir, notice: say, log: process.env.GROUNDED_DEBUG ? (l) => say(`postgres: ${l}`) : undefined });
  say(database.embedded ? `PostgreSQL (embedded) is running, data in ${path.join(dataDir, "postgres")}` : "Using the PostgreSQL at DATABASE_URL");

  let server: http.Server | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    server?.close();
    server?.closeAllConnections();
    await database.stop();
    say("Stopped.");
    process.exit(0);
  };
  // This script owns shutdown: HTTP server first, then PostgreSQL; exit 0 when clean.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop(signal));

  try {
    process.env.NEXTAUTH_SECRET = await resolveAuthSecret({ dataDir, externalDatabase: !database.embedded, production });
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) say(`Applied migrations: ${applied.join(", ")}`);
    process.env.DATABASE_URL = database.url;
    if ((await failInterruptedJobs()) > 0) say("Imports cut short when the server last stopped are marked failed; nothing of them was stored.");
    // Deleted projects past their recovery period are erased now and then every hour.
    const purge = async () => {
      const erased = await purgeExpiredProjects().catch((error: unknown) => (console.error(error), 0));
      if (erased > 0) say(`Erased ${erased} deleted project(s) whose ${recoveryDays()}-day recovery period had ended.`);
    };
    await purge();
    setInterval(() => void purge(), 60 * 60 * 1000).unref();

    const demo = await loadDemoOnFirstStart({ production, say });

    const hostname = process.env.HOST ?? "127.0.0.1";
    const port = process.env.PORT ? Number(process.env.PORT) : await firstFreePort(3000, hostname);
    const publicUrl = `http://${hostname === "127.0.0.1" || hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
    process.env.NEXTAUTH_URL ??= publicUrl;

    const app = next({ dev: false, dir: root, hostname, port });
    await app.prepare();
    const handle = app.getRequestHandler();
    initClientAddressStamping();
    // Sign-in throttling reads the client address from a header only this server writes.
    server = http.createServer((req, res) => {
      // The front door sees every request, uploads included (proxy.ts must not, see there).
      if (refuseAtTheDoor(req, res)) return;
      stampClientAddress(req);
      void handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(port, hostname, resolve);
    });
    say(`Grounded is running at ${publicUrl}`);
    for (const line of demo) say(line);
    say("Press Ctrl-C to stop.");
  } catch (error) {
    console.error(`[grounded] Could not start: ${(error as Error).message}`);
    await database.stop();
    process.exit(1);
  }
}

/** PORT when given; otherwise 3000, or the next free port if something holds 3000. */
async function firstFreePort(preferred: number, hostname: string): Promise<number> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = http.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(preferred, hostname, () => probe.close(() => resolve(true)));
  });
  return free ? preferred : findFreePort(hostname);
}

main().catch((error) => {
  console.error(`[grounded] ${(error as Error).message}`);
  process.exit(1);
});
