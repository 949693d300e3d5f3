// npm run bench:codebook [-- --codes 10000] [-- --docs 30] [-- --codings 20000] [-- --timeout 600] [-- --skip summaries,CSV]
// A project with a huge codebook (three levels: roots x children x grandchildren, every code
// with a short definition) and codings spread over most codes, generated in a throwaway
// embedded PostgreSQL; then the built app (npm run build; GROUNDED_DIST_DIR picks the folder)
// is started against it and every page of the project is fetched as its owner, printing the
// HTML bytes and the server time to the last byte. Asserts nothing (issue 13.3; see
// tests/db/analysis/codebook-size.test.ts for the bounds the tests hold).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { startApp } from "../../tests/e2e/setup/start-app";
import { generateLargeCodebook } from "./large-codebook";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const CODES = arg("--codes", 10_000);
const DOCS = arg("--docs", 30);
const CODINGS = arg("--codings", 20_000);
const TIMEOUT_MS = arg("--timeout", 600) * 1000;
// Pages to leave out (substrings of their labels): before issue 13.3 the summaries page held the server for many minutes.
const SKIP = args.includes("--skip") ? args[args.indexOf("--skip") + 1].split(",").filter(Boolean) : [];
const PASSWORD = "bench-password-123";
const TAG = "cb";

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-bench-codebook-"));
  await fs.chmod(dataDir, 0o711); // reachable by the "postgres" user when run as root
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    await ensureDatabase(postgres.urlFor("postgres"), "bench");
    const url = postgres.urlFor("bench");
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    const started = performance.now();
    const shape = await generateLargeCodebook(prisma, { tag: TAG, codes: CODES, documents: DOCS, codings: CODINGS, passwordHash: await hashPassword(PASSWORD) });
    const counts = { codes: await prisma.code.count(), codings: await prisma.coding.count() };
    await prisma.$disconnect();
    console.log(`Generated ${counts.codes} codes (${shape.levels}), ${DOCS} documents, ${counts.codings} codings in ${Math.round(performance.now() - started)} ms`);

    const env = { DATABASE_URL: url, NEXTAUTH_SECRET: "bench-secret-that-is-at-least-32-characters", GROUNDED_DATA_DIR: dataDir };
    app = await startApp(env);
    const cookie = await signIn(app.url, `owner@${TAG}.test`);
    const p = `/projects/${TAG}-project`;
    const pages: [string, string][] = [
      ["project home", p],
      ["theme summaries", `${p}/summaries`],
      ["co-occurrence CSV", `/api${p}/co-occurrence`],
      ["transcript (workspace)", `${p}/documents/${TAG}-doc-1`],
      ["findings", `${p}/findings`],
      ["theme page (a root)", `${p}/themes/${TAG}-c-1`],
      ["quotes of a theme", `${p}/quotes?coders=any&cell=${Buffer.from(JSON.stringify({ kind: "code", codeId: `${TAG}-c-1` })).toString("base64url")}`],
      ["rigour", `${p}/rigour`],
      ["agreement", `${p}/rigour/agreement?coders=${TAG}-analyst-1,${TAG}-analyst-2&scope=coded`],
      ["disagreements", `${p}/rigour/disagreements?coders=${TAG}-analyst-1,${TAG}-analyst-2&scope=coded`],
      ["import", `${p}/import`],
    ];
    console.log(`\n${"page".padEnd(26)} ${"status".padStart(6)} ${"bytes".padStart(12)} ${"ms".padStart(9)} ${"server RSS MB".padStart(14)}`);
    for (const [label, href] of pages) {
      if (SKIP.some((s) => label.includes(s))) continue;
      if (app.process.exitCode !== null || app.process.signalCode !== null) {
        console.log(`${label.padEnd(26)} the server died (${app.process.exitCode ?? app.process.signalCode}); restarting`);
        app = await startApp(env);
      }
      const t0 = performance.now();
      let status = "-";
      let bytes = 0;
      try {
        const response = await fetch(app.url + href, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
        status = String(response.status);
        bytes = (await response.arrayBuffer()).byteLength;
      } catch (error) {
        // Node's fetch gives up waiting for headers after 300 s ("error" then means that, or a dead server).
        status = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "error";
      }
      const ms = Math.round(performance.now() - t0);
      console.log(`${label.padEnd(26)} ${status.padStart(6)} ${bytes.toLocaleString("en").padStart(12)} ${String(ms).padStart(9)} ${String(await rssMb(app.process.pid)).padStart(14)}`);
    }
  } finally {
    await app?.stop();
    await postgres.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** The credentials sign-in as a browser posts it; returns the cookies to send. */
async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies(), origin: base, "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/projects` }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed: ${response.status} ${response.headers.get("location")}`);
  return cookies();
}

async function rssMb(pid: number | undefined): Promise<number | string> {
  // The app runs Next in this process (scripts/start.ts); its resident memory after the page.
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return "-";
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
