// npm run bench:agreement — prints, on this machine, the time to compute the full agreement
// table (every code, overall) for 10 analysts over 200 documents holding 50,000 codings, at
// each unit of analysis, through the same function the agreement page calls
// (lib/rigour/agreement.ts: load from PostgreSQL + compute), and the longest stretch the
// computation held the event loop (what another user's request would wait at most).
// Data are generated into a throwaway embedded PostgreSQL. Not a test: figures vary.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { codePointLength, sliceByCodePoints } from "../../lib/transcripts/offsets";
import { parsePlainTextTranscript } from "../../lib/transcripts/plain-text";

const ANALYSTS = 10;
const DOCUMENTS = 200;
const CODINGS = 50_000;
const CODES = 20;
const RUNS = 5;

// A seeded generator, so every run makes the same data.
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}
const next = random(7);
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, min ${s[0].toFixed(0)} ms, max ${s.at(-1)!.toFixed(0)} ms (n=${s.length})`;
};

/**
 * Runs `work` while a 1 ms timer notes the longest gap between its ticks: the longest time
 * the event loop was held, i.e. what another request would have waited at most. (A histogram
 * from monitorEventLoopDelay misses a block that ends after the work's last tick.)
 */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(tick, 1);
  const value = await work();
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(timer);
  tick();
  return { value, blockMs: longest };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-bench-agreement-"));
fs.chmodSync(dataDir, 0o711);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
try {
  const url = postgres.urlFor("grounded");
  await ensureDatabase(postgres.urlFor("postgres"), "grounded");
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const prisma = createPrismaClient(url);
  const { getAgreement, loadAgreementInput } = await import("../../lib/rigour/agreement");
  const { computeAgreementFigures } = await import("../../lib/rigour/agreement-table");

  const owner = await prisma.user.create({ data: { email: "owner@bench.test", name: "Owner", passwordHash: "x" } });
  const analysts = await prisma.user.createManyAndReturn({
    data: Array.from({ length: ANALYSTS }, (_, i) => ({ email: `analyst-${i}@bench.test`, name: `Analyst ${String(i).padStart(2, "0")}`, passwordHash: "x" })),
  });
  const project = await prisma.project.create({
    data: {
      name: "Agreement benchmark",
      memberships: { create: [{ userId: owner.id, role: "owner" }, ...analysts.map((a) => ({ userId: a.id, role: "analyst" as const }))] },
    },
  });
  const codes = await prisma.code.createManyAndReturn({ data: Array.from({ length: CODES }, (_, i) => ({ projectId: project.id, name: `Code ${i + 1}`, position: i })) });

  // The demo interviews, cycled to 200 documents.
  const dir = path.join(process.cwd(), "data", "demo", "transcripts");
  const sources = fs.readdirSync(dir).sort().map((f) => parsePlainTextTranscript(fs.readFileSync(path.join(dir, f), "utf8")));
  const documents = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const parsed = sources[i % sources.length];
    const document = await prisma.document.create({
      data: {
        projectId: project.id,
        title: `Interview ${i + 1}`,
        text: parsed.text,
        textLength: codePointLength(parsed.text),
        checksum: createHash("sha256").update(parsed.text).digest("hex"),
        sourceFormat: "text",
        position: i,
        turns: { create: parsed.turns.map((t, index) => ({ ...t, index, role: t.speaker === "Interviewer" ? "interviewer" : "respondent" })) },
      },
    });
    documents.push({ ...document, turns: parsed.turns });
  }

  // Each document gets "true" passages (a code on part of a turn); each analyst codes most
  // of them with boundaries a few words off, misses some and adds a few of their own, so the
  // figures look like real double coding rather than noise.
  const perAnalystDocument = Math.round(CODINGS / (ANALYSTS * DOCUMENTS));
  const rows: { projectId: string; documentId: string; codeId: string; coderId: string; start: number; end: number; quote: string }[] = [];
  for (const document of documents) {
    const passages = Array.from({ length: perAnalystDocument }, () => {
      const turn = pick(document.turns.filter((t) => t.end - t.start > 40));
      const start = turn.start + Math.floor(next() * (turn.end - turn.start - 30));
      return { codeId: pick(codes).id, start, end: Math.min(turn.end, start + 30 + Math.floor(next() * 400)) };
    });
    for (const analyst of analysts) {
      const seen = new Set<string>();
      for (const passage of passages) {
        let { start, end, codeId } = passage;
        if (next() < 0.15) codeId = pick(codes).id; // a different code, or an extra passage
        if (next() < 0.5) start = Math.max(0, start + Math.floor((next() - 0.5) * 40));
        if (next() < 0.5) end = Math.min(document.textLength, end + Math.floor((next() - 0.5) * 40));
        if (start >= end) continue;
        const key = `${codeId}:${start}:${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ projectId: project.id, documentId: document.id, codeId, coderId: analyst.id, start, end, quote: sliceByCodePoints(document.text, start, end) });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 5000) await prisma.coding.createMany({ data: rows.slice(i, i + 5000) });
  await prisma.assignment.createMany({
    data: documents.flatMap((d) => analysts.map((a) => ({ projectId: project.id, documentId: d.id, userId: a.id, assignedById: owner.id, doneAt: new Date() }))),
  });
  const turnCount = documents.reduce((n, d) => n + d.turns.length, 0);
  console.log(`${ANALYSTS} analysts, ${DOCUMENTS} documents (${turnCount} speaker turns), ${CODES} codes, ${rows.length} codings; all assigned and marked done.`);
  await prisma.$executeRawUnsafe("ANALYZE");

  const viewer = { id: owner.id, role: "owner" as const };
  const coderIds = analysts.map((a) => a.id);
  for (const unit of ["segment", "document", "span"] as const) {
    const totals: number[] = [];
    const loads: number[] = [];
    const computes: number[] = [];
    const loadBlocks: number[] = [];
    const computeBlocks: number[] = [];
    let last: Awaited<ReturnType<typeof getAgreement>> | null = null;
    for (let run = 0; run <= RUNS; run++) {
      // The page's own call, timed as a whole...
      const t0 = performance.now();
      last = await getAgreement(project.id, { coderIds, unit, scope: "done" }, viewer);
      const total = performance.now() - t0;
      // ...and its two halves again, each under an event-loop probe.
      const load = await longestBlock(() => loadAgreementInput(project.id, { coderIds, unit, scope: "done" }, viewer));
      const input = load.value;
      const compute = await longestBlock(() => computeAgreementFigures(input.codings, input.design, unit));
      if (run === 0) continue; // warm-up: JIT, connection pool, plan cache
      totals.push(total);
      loads.push(last.timings.loadMs);
      computes.push(last.timings.computeMs);
      loadBlocks.push(load.blockMs);
      computeBlocks.push(compute.blockMs);
    }
    const overall = last!.overall;
    console.log(`\nUnit: ${unit}. Full table (${last!.rows.length} codes + overall, overall alpha ${overall.alpha.value?.toFixed(3) ?? overall.alpha.note}, ${overall.units} units)`);
    console.log(`  total      ${summary(totals)}   [target: under 2,000 ms]`);
    console.log(`  of which loading from PostgreSQL ${summary(loads)}; computing ${summary(computes)}`);
    console.log(`  longest event-loop block: while loading ${summary(loadBlocks)}; while computing ${summary(computeBlocks)}`);
  }
  await prisma.$disconnect();
} finally {
  await postgres.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
