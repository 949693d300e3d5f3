// npm run bench:search [-- --runs 20]
// Times lib/search's searchProject on the demo study (32 interviews, ~320 KB of text) in a
// throwaway embedded PostgreSQL: one line per mode with p50 and p95 in ms. Asserts nothing.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { loadDemoStudy } from "../../lib/demo";
import { OPERATOR_SCOPE } from "../../lib/rigour/blind";
import { searchProject } from "../../lib/search/data";
import { searchQuerySchema } from "../../lib/search/schema";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 20;
const SEARCHES: Record<string, string>[] = [
  { q: "label" },
  { q: "label GPU cost", mode: "any" },
  { q: '"machine learning"', mode: "phrase" },
  { q: "the", mode: "phrase" },
  { q: "cost", speaker: "respondent" },
  { q: "lab", mode: "prefix" },
  { q: "colou?rs?|gpus?", mode: "regex" },
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-bench-"));
  await fs.chmod(dataDir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir });
  let prisma: Db | null = null;
  try {
    await ensureDatabase(server.urlFor("postgres"), "bench");
    const url = server.urlFor("bench");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    prisma = createPrismaClient(url);
    const { projectId } = await loadDemoStudy(prisma);
    console.log(`search on the demo study, ${RUNS} runs each (after 2 warm-up runs)`);
    for (const raw of SEARCHES) {
      const query = searchQuerySchema.parse(raw);
      for (let i = 0; i < 2; i++) await searchProject(projectId, query, OPERATOR_SCOPE);
      const times: number[] = [];
      let result = await searchProject(projectId, query, OPERATOR_SCOPE);
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        result = await searchProject(projectId, query, OPERATOR_SCOPE);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const label = `${query.mode} ${JSON.stringify(query.q)}${query.speaker !== "all" ? ` (${query.speaker}s)` : ""}`;
      console.log(`${label.padEnd(40)} ${String(result.totalHits).padStart(5)} hits in ${String(result.totalInterviews).padStart(2)} interviews   p50 ${quantile(times, 0.5).toFixed(1)} ms   p95 ${quantile(times, 0.95).toFixed(1)} ms`);
    }
  } finally {
    await prisma?.$disconnect();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
