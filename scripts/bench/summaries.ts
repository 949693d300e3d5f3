// npm run bench:summaries [-- --runs 15] [-- --large]
// Times the analysis reads (theme summaries, one crosstab, the co-occurrence matrix, the
// quotes behind a theme, the findings report) on the demo study and on a generated study,
// each in a throwaway embedded PostgreSQL in a temporary folder. Prints p50/p95 as the app
// runs them ("warm": repeated reads of an unchanged database are answered from
// lib/analysis/snapshot-cache.ts) and with that cache off ("cold": every read computed, as
// the first view after any change is); asserts nothing.
import fs from "node:fs/promises";
import { OPERATOR_SCOPE } from "../../lib/rigour/blind";
import os from "node:os";
import path from "node:path";
import type { CoderSelection } from "../../lib/analysis/coder-selection";
import { getCoOccurrence, getCrosstab } from "../../lib/analysis/breakdowns-data";
import { getThemeSummaries } from "../../lib/analysis/data";
import { getCellQuotes } from "../../lib/analysis/quotes-data";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { loadDemoStudy } from "../../lib/demo";
import { getFindingsReport } from "../../lib/findings/data";
import { addSyntheticFindings, generateSyntheticStudy, type SyntheticSize } from "./synthetic-study";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 15;
const WARMUP = 2;
const SIZES: SyntheticSize[] = [
  { documents: 200, codings: 50_000, analysts: 4, textLength: 30_000 },
  ...(args.includes("--large") ? [{ documents: 2_000, codings: 200_000, analysts: 10, textLength: 30_000 }] : []),
];

type Study = { label: string; projectId: string; coders: [string, string]; sector: string; weight: string; theme: string };

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-bench-"));
  await fs.chmod(dataDir, 0o711); // reachable by the "postgres" user when run as root
  const server = await startEmbeddedPostgres({ dataDir });
  let prisma: Db | null = null;
  try {
    await ensureDatabase(server.urlFor("postgres"), "bench");
    const url = server.urlFor("bench");
    await applyMigrations(url);
    process.env.DATABASE_URL = url; // lib/ reads through db(), which uses DATABASE_URL
    prisma = createPrismaClient(url);

    const studies: Study[] = [await demoStudy(prisma)];
    for (const size of SIZES) {
      const started = performance.now();
      const projectId = await generateSyntheticStudy(prisma, size);
      await addSyntheticFindings(prisma, projectId);
      const codings = await prisma.coding.count({ where: { projectId } });
      console.log(`Generated ${size.documents} documents, ${codings} codings, ${size.analysts} analysts in ${Math.round(performance.now() - started)} ms`);
      const tag = projectId.replace(/-project$/, "");
      studies.push({
        label: `synthetic ${size.documents} docs x ${codings} codings`,
        projectId,
        coders: [`${tag}-analyst-1`, `${tag}-analyst-2`],
        sector: `${tag}-sector`,
        weight: `${tag}-projects`,
        theme: `${tag}-theme-1`,
      });
    }

    console.log(`\n${RUNS} runs after ${WARMUP} warm-up runs; milliseconds\n`);
    console.log(["study".padEnd(36), "selection".padEnd(9), "read".padEnd(26), "p50".padStart(8), "p95".padStart(8), "cold p50".padStart(9), "cold p95".padStart(9)].join(" "));
    for (const study of studies) {
      const selections: [string, CoderSelection][] = [
        ["any", { kind: "any" }],
        ["agreed", { kind: "agreed", coderIds: study.coders }],
      ];
      for (const [name, selection] of selections) {
        const reads: [string, () => Promise<unknown>][] = [
          ["theme summaries", () => getThemeSummaries(study.projectId, selection, "all", study.weight)],
          ["crosstab by sector", () => getCrosstab(study.projectId, selection, study.sector)],
          ["co-occurrence matrix", () => getCoOccurrence(study.projectId, selection)],
          ["quotes of a theme (≤500)", () => getCellQuotes(study.projectId, selection, { kind: "code", codeId: study.theme }, 500)],
          ["findings report", () => getFindingsReport(study.projectId, selection, OPERATOR_SCOPE)],
        ];
        for (const [read, run] of reads) {
          const warm = await time(run);
          process.env.GROUNDED_ANALYSIS_CACHE = "off";
          const cold = await time(run);
          delete process.env.GROUNDED_ANALYSIS_CACHE;
          const ms = (n: number, width: number) => n.toFixed(1).padStart(width);
          console.log([study.label.padEnd(36), name.padEnd(9), read.padEnd(26), ms(warm.p50, 8), ms(warm.p95, 8), ms(cold.p50, 9), ms(cold.p95, 9)].join(" "));
        }
      }
    }

    // What the passage tables cost the writer: their triggers refresh the document and code a
    // coding lands in, inside the statement that writes it.
    console.log(`\nOne coding written and deleted again (${RUNS} runs each); milliseconds\n`);
    console.log(["study".padEnd(36), "write".padEnd(36), "p50".padStart(8), "p95".padStart(8)].join(" "));
    for (const study of studies) {
      const document = await prisma.document.findFirstOrThrow({ where: { projectId: study.projectId }, orderBy: { id: "asc" } });
      const code = await prisma.code.findFirstOrThrow({ where: { projectId: study.projectId, parentId: { not: null } }, orderBy: { id: "asc" } });
      const codings = await prisma.coding.count({ where: { documentId: document.id } });
      let n = 0;
      let id = "";
      const write = await time(async () => {
        const start = (n++ * 97) % Math.max(1, document.textLength - 60);
        ({ id } = await prisma!.coding.create({
          data: { projectId: study.projectId, documentId: document.id, codeId: code.id, coderId: study.coders[0], start, end: start + 60, quote: [...document.text].slice(start, start + 60).join("") },
        }));
        await prisma!.coding.delete({ where: { id } });
      });
      const ms = (x: number) => x.toFixed(1).padStart(8);
      console.log([study.label.padEnd(36), `insert + delete (document of ${codings} codings)`.padEnd(36), ms(write.p50), ms(write.p95)].join(" "));
    }
  } finally {
    await prisma?.$disconnect();
    const { db } = await import("../../lib/db/client");
    if (process.env.DATABASE_URL) await db().$disconnect();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function demoStudy(prisma: Db): Promise<Study> {
  const { projectId } = await loadDemoStudy(prisma);
  const coders = await prisma.user.findMany({ where: { email: { in: ["analyst-a@demo.grounded.test", "analyst-b@demo.grounded.test"] } }, orderBy: { email: "asc" } });
  const attribute = (name: string) => prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, name } });
  const theme = await prisma.code.findFirstOrThrow({ where: { projectId, name: "Why AWS" } });
  return { label: "demo (32 docs)", projectId, coders: [coders[0].id, coders[1].id], sector: (await attribute("sector")).id, weight: (await attribute("projects")).id, theme: theme.id };
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  // Nearest-rank percentiles: with 15 runs, p95 is the slowest but one... rounded up, the slowest.
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
