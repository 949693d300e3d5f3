// npm run bench:coding — prints, on this machine:
//  1. server time to apply a code (zod, session membership check, transaction, audit), p50/p95
//     over 1,000 applications against the embedded PostgreSQL;
//  2. time to first render of a 50,000-word transcript with 1,000 codings in headless Chromium:
//     when the transcript's text is painted (Element Timing on its first turn, see
//     components/coding/transcript.tsx), first contentful paint, the server's share, and when
//     the page is hydrated;
//  3. frame times while scrolling the whole transcript once every turn is rendered.
// Not a test: figures vary with the machine; see the issue notes for measured values.
// GROUNDED_DIST_DIR=.next-bench builds and serves from a separate folder (startApp passes the
// environment on to scripts/start.ts, which builds when the sources changed).
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runProjectAction } from "../../lib/auth/project-access";
import { hashPassword } from "../../lib/auth/password";
import { applyCodes } from "../../lib/codings/mutations";
import { applyCodesSchema } from "../../lib/codings/schema";
import { snapToWords } from "../../lib/codings/spans/snap";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { codePointLength } from "../../lib/transcripts/offsets";
import { parsePlainTextTranscript } from "../../lib/transcripts/plain-text";
import { launchBrowser } from "../../tests/e2e/browser";
import { transcriptTiming } from "./browser-timing";
import { startApp } from "../../tests/e2e/setup/start-app";

const PASSWORD = "bench-password-123";
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
};

// A seeded generator, so every run codes the same spans.
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** About 50,000 words: the demo transcripts one after another, as one long interview. */
function longTranscript(): string {
  const dir = path.join(process.cwd(), "data", "demo", "transcripts");
  const parts: string[] = [];
  let words = 0;
  for (const file of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    parts.push(text.trim());
    words += text.split(/\s+/).length;
    if (words >= 50_000) break;
  }
  return parts.join("\n\n");
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-bench-"));
fs.chmodSync(dataDir, 0o711);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
const url = postgres.urlFor("grounded");
let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  await ensureDatabase(postgres.urlFor("postgres"), "grounded");
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const prisma = createPrismaClient(url);
  const user = await prisma.user.create({ data: { email: "bench@example.org", name: "Bench Analyst", passwordHash: await hashPassword(PASSWORD) } });
  const project = await prisma.project.create({ data: { name: "Benchmark", memberships: { create: { userId: user.id, role: "analyst" } } } });
  const parsed = parsePlainTextTranscript(longTranscript());
  const document = await prisma.document.create({
    data: {
      projectId: project.id,
      title: "A 50,000-word transcript",
      text: parsed.text,
      textLength: codePointLength(parsed.text),
      checksum: createHash("sha256").update(parsed.text).digest("hex"),
      sourceFormat: "text",
      turns: { create: parsed.turns.map((t, index) => ({ ...t, index, role: t.speaker === "Interviewer" ? "interviewer" : "respondent" })) },
    },
  });
  const codes = await prisma.code.createManyAndReturn({
    data: ["Breadth", "Cost", "Relationship", "Locality", "Community", "Productivity"].map((name, position) => ({
      projectId: project.id,
      name,
      position,
      colour: ["#2563eb", "#16a34a", "#ca8a04", "#dc2626", "#9333ea", "#14b8a6"][position],
    })),
  });
  const words = parsed.text.split(/\s+/).length;
  console.log(`Transcript: ${words} words, ${document.textLength} characters, ${parsed.turns.length} turns.`);

  // 1. Apply a code 1,000 times through the same path a server action takes.
  const next = random(42);
  const me = { id: user.id, email: user.email, name: user.name };
  const timings: number[] = [];
  for (let i = 0; timings.length < 1000; i++) {
    const start = Math.floor(next() * (document.textLength - 400));
    const span = snapToWords(parsed.text, start, start + 20 + Math.floor(next() * 300));
    if (!span) continue;
    const codeId = codes[Math.floor(next() * codes.length)].id;
    const t0 = performance.now();
    const result = await runProjectAction(me, applyCodesSchema, "analyst", applyCodes, { projectId: project.id, documentId: document.id, ...span, codeIds: [codeId] });
    timings.push(performance.now() - t0);
    if (!result.ok) throw new Error(result.error.message);
  }
  console.log(`Apply a code (server): ${summary(timings.slice(50))}  [first 50 runs excluded as warm-up]`);
  const codingCount = await prisma.coding.count({ where: { documentId: document.id } });
  const { getWorkspace } = await import("../../lib/codings/data");
  const loads: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    await getWorkspace(project.id, document.id, { id: user.id, role: "analyst" });
    loads.push(performance.now() - t0);
  }
  console.log(`Loading the workspace data (server, before rendering): ${summary(loads.slice(2))}`);
  await prisma.$disconnect();

  // 2. First render in Chromium of that transcript with its ~1,000 codings.
  app = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: "bench-secret-that-is-at-least-32-characters", GROUNDED_DATA_DIR: dataDir });
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(`${app.url}/login`);
  await page.getByLabel("E-mail").fill("bench@example.org");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.url}/projects`);
  const target = `${app.url}/projects/${project.id}/documents/${document.id}`;
  const paints: number[] = [];
  const textPaints: number[] = [];
  const interactive: number[] = [];
  const serverTimes: number[] = [];
  const downloads: number[] = [];
  let bytes = 0;
  // Eleven measured loads: this machine is shared, and with five the median moved by 100 ms between runs.
  for (let run = 0; run < 12; run++) {
    const timing = await transcriptTiming(page, target);
    if (run === 0) continue; // warm-up: the server's first render compiles caches
    paints.push(timing.fcp);
    textPaints.push(timing.text);
    serverTimes.push(timing.responseStart);
    downloads.push(timing.responseEnd);
    bytes = timing.bytes;
    interactive.push(timing.ready);
  }
  // 3. Scroll from top to bottom, 400 px a frame, once every turn is in the page.
  await page.waitForFunction((turns) => window.document.querySelectorAll("[data-testid=transcript] > section").length === turns, parsed.turns.length, { timeout: 60_000 });
  const frames = await page.evaluate(async () => {
    const times: number[] = [];
    let last = performance.now();
    for (let y = 0; y < window.document.documentElement.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });
  await browser.close();
  console.log(`Transcript page with ${codingCount} codings: transcript text painted ${summary(textPaints)}`);
  console.log(`  first contentful paint: ${summary(paints)}`);
  console.log(`  of which the server's first byte: ${summary(serverTimes)}; whole page received: ${summary(downloads)}; ${Math.round(bytes / 1024)} KiB`);
  console.log(`  ...until hydrated and selectable (upper bound, measured after the fact): ${summary(interactive)}`);
  console.log(`Scrolling the whole transcript, 400 px a frame: frame time ${summary(frames)}`);
} finally {
  await app?.stop();
  await postgres.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
