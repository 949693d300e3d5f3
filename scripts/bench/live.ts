// npm run bench:live [-- --runs 200 --subscribers 10]
// Applying a code on the demo study with 0 and then N live subscribers on the document (each
// a lib/live stream as the SSE route serves it, sharing this process's one LISTEN connection as
// the pages of one app instance do), in a throwaway embedded PostgreSQL. Prints:
//  - server time to apply a code (zod, membership, transaction, audit + NOTIFY), p50/p95;
//  - delivery time from the apply's return to each subscriber receiving the change, p50/p95.
// Asserts nothing: figures vary with the machine.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runProjectAction } from "../../lib/auth/project-access";
import { applyCodes, deleteCoding } from "../../lib/codings/mutations";
import { applyCodesSchema, deleteCodingSchema } from "../../lib/codings/schema";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { loadDemoStudy } from "../../lib/demo";
import { liveHub } from "../../lib/live/hub";
import { liveStream } from "../../lib/live/stream";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const RUNS = option("--runs", 200);
const SUBSCRIBERS = option("--subscribers", 10);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms (n=${s.length})`;
};

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-bench-"));
  await fs.chmod(dataDir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir });
  let prisma: Db | null = null;
  const aborts: AbortController[] = [];
  try {
    await ensureDatabase(server.urlFor("postgres"), "bench");
    const url = server.urlFor("bench");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    prisma = createPrismaClient(url);
    const { projectId } = await loadDemoStudy(prisma);
    const analyst = await prisma.user.findUniqueOrThrow({ where: { email: "analyst-a@demo.grounded.test" }, select: { id: true, email: true, name: true } });
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: "owner@demo.grounded.test" }, select: { id: true, name: true } });
    const document = await prisma.document.findFirstOrThrow({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, text: true } });
    const code = await prisma.code.create({ data: { projectId, name: "Bench live" }, select: { id: true } });
    const words = [...document.text.matchAll(/[\p{L}]{4,}/gu)].slice(0, RUNS);

    async function round(label: string, subscribers: number) {
      const received: number[][] = [];
      for (let i = 0; i < subscribers; i++) {
        const abort = new AbortController();
        aborts.push(abort);
        const arrivals: number[] = [];
        received.push(arrivals);
        const reader = liveStream({ projectId, viewer: { id: owner.id, role: "owner", name: owner.name }, lastEventId: null, where: `document:${document.id}`, signal: abort.signal }).getReader();
        void (async () => {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            const text = new TextDecoder().decode(value);
            for (const _ of text.matchAll(/event: change\n/g)) arrivals.push(performance.now());
          }
        })();
      }
      await new Promise((r) => setTimeout(r, 500));
      const applyMs: number[] = [];
      const returned: number[] = [];
      for (const m of words) {
        const start = [...document.text.slice(0, m.index)].length;
        const started = performance.now();
        const result = await runProjectAction(analyst, applyCodesSchema, "analyst", applyCodes, { projectId, documentId: document.id, start, end: start + [...m[0]].length, codeIds: [code.id] });
        const done = performance.now();
        if (!result.ok) throw new Error(result.error.message);
        applyMs.push(done - started);
        returned.push(done);
        // One at a time, as a person codes: wait until every subscriber has it.
        for (let t = 0; t < 200 && received.some((a) => a.length < returned.length); t++) await new Promise((r) => setTimeout(r, 2));
        await runProjectAction(analyst, deleteCodingSchema, "analyst", deleteCoding, { projectId, codingId: result.data.created[0], version: 1 }).catch(() => undefined);
        for (let t = 0; t < 200 && received.some((a) => a.length < returned.length * 2); t++) await new Promise((r) => setTimeout(r, 2));
      }
      console.log(`${label.padEnd(28)} apply a code: ${summary(applyMs)}`);
      if (subscribers > 0) {
        const delivery = received.flatMap((arrivals) => returned.map((at, i) => arrivals[i * 2] - at).filter((ms) => Number.isFinite(ms)));
        console.log(`${"".padEnd(28)} delivered to each subscriber after the apply returned: ${summary(delivery)}`);
      }
      for (const abort of aborts.splice(0)) abort.abort();
    }
    console.log(`live updates on the demo study: ${words.length} codes applied (and removed) per round`);
    await round("no subscribers", 0);
    await round(`${SUBSCRIBERS} live subscribers`, SUBSCRIBERS);
  } finally {
    for (const abort of aborts) abort.abort();
    await liveHub().close();
    await prisma?.$disconnect();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
