import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "./setup/start-app";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-start-"));
fs.chmodSync(dataDir, 0o711); // reachable by the "postgres" user when tests run as root
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function postgresPids(): number[] {
  try {
    return execFileSync("pgrep", ["-f", `postgres -D ${path.join(dataDir, "postgres", "cluster")}`], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

async function embeddedUrl(): Promise<string> {
  // The start script keeps the embedded server's password in the data folder.
  const password = fs.readFileSync(path.join(dataDir, "postgres", "password"), "utf8").trim();
  const pid = fs.readFileSync(path.join(dataDir, "postgres", "cluster", "postmaster.pid"), "utf8").split("\n");
  return `postgresql://grounded:${password}@127.0.0.1:${pid[3]}/grounded`;
}

describe("npm start with the embedded PostgreSQL", () => {
  const env = { DATABASE_URL: undefined, NEXTAUTH_SECRET: undefined, GROUNDED_DATA_DIR: dataDir };

  it("survives kill -9 without losing committed data, and SIGTERM leaves no postgres behind", async () => {
    const first = await startApp(env);
    expect((await fetch(`${first.url}/login`)).status).toBe(200);
    const client = new pg.Client({ connectionString: await embeddedUrl() });
    await client.connect();
    await client.query(`INSERT INTO "Project" (id, name, "updatedAt") VALUES ('crash-proof', 'Committed before the crash', now())`);
    await client.end();

    await first.stop("SIGKILL");
    // The app is gone; its PostgreSQL was orphaned, as after any crash.
    expect(postgresPids().length).toBeGreaterThan(0);

    const second = await startApp(env);
    expect(second.output()).toMatch(/left running by an earlier start/);
    expect((await fetch(`${second.url}/login`)).status).toBe(200);
    const again = new pg.Client({ connectionString: await embeddedUrl() });
    await again.connect();
    const rows = (await again.query(`SELECT name FROM "Project" WHERE id = 'crash-proof'`)).rows;
    await again.end();
    expect(rows).toEqual([{ name: "Committed before the crash" }]);
    // The generated auth secret was kept for the restart.
    expect(fs.existsSync(path.join(dataDir, "nextauth-secret"))).toBe(true);

    expect(await second.stop("SIGTERM")).toBe(0);
    expect(postgresPids()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, "postgres", "cluster", "postmaster.pid"))).toBe(false);
  });

  it("stops with its PostgreSQL when a process manager sends SIGTERM to npm start itself", async () => {
    const app = await startApp(env, { viaNpm: true });
    expect((await fetch(`${app.url}/login`)).status).toBe(200);
    expect(postgresPids().length).toBeGreaterThan(0);
    await app.stop("SIGTERM");
    // npm hands the signal on to the app, which stops PostgreSQL before exiting.
    await expect.poll(() => postgresPids(), { timeout: 30_000, interval: 500 }).toEqual([]);
    await expect.poll(() => fetch(`${app.url}/login`).then(() => "serving", () => "stopped"), { timeout: 30_000, interval: 500 }).toBe("stopped");
  });

  it("refuses to start in production against an external database without NEXTAUTH_SECRET", async () => {
    await expect(
      startApp({ ...env, NODE_ENV: "production", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" }),
    ).rejects.toThrow(/NEXTAUTH_SECRET is required/);
  });
});
