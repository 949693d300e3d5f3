// npm run bench:scale [-- --small] [-- --runs 7] [-- --timeout 120] [-- --data DIR] [-- --only REGEX]
//
// --data DIR keeps the generated study in DIR and reuses it on the next run (generation takes
// minutes at full size); --only measures only the figures whose label matches REGEX
// ("summaries", "transcript", "picker", "apply", "open an interview", "crosstab", ...).
//
// Issue 14.1 and 14.2: a real-size study (300 interviews of 5,000-50,000 words in speaker
// turns, 1,000 codes in three levels with definitions, 10 analysts, 150,000 codings, ten
// interviews with 2,000 each; --small: 30 interviews, about 200 codes, 15,000 codings)
// generated in SQL in its own throwaway embedded PostgreSQL, with the demo study beside it;
// the built app started against it as `npm start` does (GROUNDED_DIST_DIR picks the build
// folder); then every page's server time cold and warm (p50 / p95) and bytes, the transcript
// in Chromium, the code picker's keystroke, applying a code against a bare INSERT, opening an
// interview, the server's memory, each printed beside its target with PASS/FAIL. Traffic to
// 127.0.0.1 only; it stops by itself. A script that prints figures, never a test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { CO_OCCURRENCE_CODES } from "../../lib/analysis/breakdowns-data";
import { THEMES_PER_PAGE } from "../../lib/analysis/paging";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { loadDemoStudy } from "../../lib/demo";
import { launchBrowser } from "../../tests/e2e/browser";
import { startApp } from "../../tests/e2e/setup/start-app";
import { signIn } from "./load/http";
import { readRss } from "./load/stats";
import { measureBreakdowns } from "./scale/analysis";
import { measureOpenInterview, measurePickerKeystrokes, measureTranscript, transcriptPage } from "./scale/browser";
import { generateScaleStudy, OWNER_EMAIL, PROJECT_ID, analystEmail, TAG, type ScaleSize } from "./scale/generate";
import { measurePage, type PageFigures } from "./scale/pages";
import { figure, figuresTable, p, pagesTable, TARGETS, type Figure } from "./scale/report";
import { changeByOneCoding, measureWrites } from "./scale/writes";
import { addSyntheticFindings } from "./synthetic-study";

const { values: args } = parseArgs({ options: { small: { type: "boolean", default: false }, runs: { type: "string", default: "7" }, timeout: { type: "string", default: "120" }, data: { type: "string" }, only: { type: "string" } } });
const only = args.only ? new RegExp(args.only, "i") : null;
const wanted = (...labels: string[]) => !only || labels.some((label) => only.test(label));
const RUNS = Number(args.runs);
const TIMEOUT_MS = Number(args.timeout) * 1000;
const PASSWORD = "scale-bench-password-123";
const FULL = { documents: 300, roots: 10, children: 9, grandchildren: 10, analysts: 10, codings: 150_000, heavyDocuments: 10 };
const SMALL = { documents: 30, roots: 5, children: 4, grandchildren: 9, analysts: 10, codings: 15_000, heavyDocuments: 2 };
const size = args.small ? SMALL : FULL;
const distDir = process.env.GROUNDED_DIST_DIR || ".next";
const say = (line: string) => console.log(line);

const keep = Boolean(args.data);
const dataDir = args.data ? path.resolve(args.data) : fs.mkdtempSync(path.join(os.tmpdir(), "grounded-scale-"));
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o711); // reachable by the "postgres" user when run as root
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
const url = postgres.urlFor("grounded");
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let pool: Pool | undefined;
try {
  await ensureDatabase(postgres.urlFor("postgres"), "grounded");
  await applyMigrations(url);
  process.env.DATABASE_URL = url; // lib/ reads through db() (the in-process breakdown timings)
  const prisma = createPrismaClient(url);
  say(`bench:scale ${args.small ? "--small" : "(full size)"}: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the start; ${RUNS} runs per figure; build ${distDir}`);
  const started = performance.now();
  const full: ScaleSize = { ...size, passwordHash: await hashPassword(PASSWORD) };
  const reused = keep && (await prisma.project.count({ where: { id: PROJECT_ID } })) > 0;
  if (reused) say(`Reusing the study generated earlier in ${dataDir} (delete the folder to generate afresh).`);
  const { projectId, codes } = reused
    ? { projectId: PROJECT_ID, codes: await prisma.code.count({ where: { projectId: PROJECT_ID, deletedAt: null } }) }
    : await generateScaleStudy(prisma, full);
  if (!reused) await addSyntheticFindings(prisma, projectId);
  const generatedMs = performance.now() - started;
  const [shape] = await prisma.$queryRaw<{ documents: bigint; codings: bigint; words: bigint; minwords: number; maxwords: number; turns: bigint }[]>`
    SELECT (SELECT count(*) FROM "Document" WHERE "projectId" = ${projectId}) AS documents,
           (SELECT count(*) FROM "Coding" WHERE "projectId" = ${projectId}) AS codings,
           (SELECT count(*) FROM "SpeakerTurn" t JOIN "Document" d ON d.id = t."documentId" WHERE d."projectId" = ${projectId}) AS turns,
           sum(w) AS words, min(w) AS minwords, max(w) AS maxwords
    FROM (SELECT array_length(regexp_split_to_array(text, '\\s+'), 1) AS w FROM "Document" WHERE "projectId" = ${projectId}) x`;
  const [largestDoc] = await prisma.$queryRaw<{ id: string; title: string; codings: bigint; text: string }[]>`
    SELECT d.id, d.title, count(k.id) AS codings, d.text FROM "Document" d JOIN "Coding" k ON k."documentId" = d.id
    WHERE d."projectId" = ${projectId} GROUP BY d.id ORDER BY count(k.id) DESC, d."textLength" DESC LIMIT 1`;
  const [largestCode] = await prisma.$queryRaw<{ id: string; name: string; codings: bigint }[]>`
    SELECT c.id, c.name, count(*) AS codings FROM "Coding" k JOIN "Code" c ON c.id = k."codeId" WHERE k."projectId" = ${projectId} GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`;
  say(
    `Generated in ${(generatedMs / 1000).toFixed(1)} s (set-based SQL): ${shape.documents} interviews (${Number(shape.words).toLocaleString("en")} words, ${shape.minwords.toLocaleString("en")}-${shape.maxwords.toLocaleString("en")} each, ${Number(shape.turns).toLocaleString("en")} speaker turns), ` +
      `${codes} codes in three levels (${size.roots} x ${size.children} x ${size.grandchildren}) with definitions, ${size.analysts} analysts, ${Number(shape.codings).toLocaleString("en")} codings, 10 findings.`,
  );
  say(`Largest interview: "${largestDoc.title}" (${Number(largestDoc.codings).toLocaleString("en")} codings); largest code: "${largestCode.name}" (${Number(largestCode.codings).toLocaleString("en")} codings).`);
  const demo = await loadDemoStudy(prisma);
  const codeIds = (await prisma.code.findMany({ where: { projectId, parentId: { not: null } }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  await prisma.$disconnect();

  app = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: "scale-bench-secret-that-is-at-least-32-characters", GROUNDED_DATA_DIR: dataDir });
  // The server listens on 127.0.0.1; naming it avoids a localhost lookup trying ::1 first.
  const base = app.url.replace("//localhost:", "//127.0.0.1:");
  const signedIn = async (email: string) => {
    const result = await signIn(base, email, PASSWORD);
    if ("refused" in result) throw new Error(`sign-in of ${email} refused: ${result.refused}`);
    return result.session;
  };
  const owner = await signedIn(OWNER_EMAIL);
  pool = new Pool({ connectionString: url, max: 2 });
  const target = { projectId, documentId: largestDoc.id, text: largestDoc.text, coderId: `${TAG}-analyst-1`, codeIds };
  const change = changeByOneCoding(pool, target);

  // Pages, over HTTP as the owner. Cold = the first view after a committed change (one coding inserted and deleted before each sample).
  const P = `/projects/${projectId}`;
  // The summaries page shows THEMES_PER_PAGE themes a page: every page when they are few, else the first two, one in the middle and the last.
  const summaryPages = Math.ceil(codes / THEMES_PER_PAGE);
  const sampledPages = summaryPages <= 5 ? Array.from({ length: summaryPages }, (_, i) => i + 1) : [...new Set([1, 2, Math.ceil(summaryPages / 2), summaryPages])];
  const pageList: [string, string, "page" | "export"][] = [
    ["project home", P, "page"],
    ...sampledPages.map((n): [string, string, "page"] => [`theme summaries, page ${n} of ${summaryPages}`, `${P}/summaries?page=${n}`, "page"]),
    [`theme summaries, page 1 with the ${CO_OCCURRENCE_CODES}-code co-occurrence matrix`, `${P}/summaries?matrix=${CO_OCCURRENCE_CODES}`, "page"],
    [`theme page of the largest code (${Number(largestCode.codings).toLocaleString("en")} codings)`, `${P}/themes/${largestCode.id}`, "page"],
    ["findings report", `${P}/findings`, "page"],
    [`transcript of the largest interview (${Number(largestDoc.codings).toLocaleString("en")} codings)`, `${P}/documents/${largestDoc.id}`, "page"],
    ["co-occurrence CSV (every pair)", `/api${P}/co-occurrence`, "export"],
    ["codings export (CSV)", `/api${P}/codings/csv`, "export"],
  ];
  const pages: PageFigures[] = [];
  for (const [label, href, kind] of pageList.filter(([label]) => wanted(label))) {
    const t0 = performance.now();
    const figures = await measurePage(owner, label, href, { runs: RUNS, change, timeoutMs: TIMEOUT_MS, kind });
    pages.push(figures);
    say(`  measured ${label}: ${figures.status}, cold p50 ${figure.ms(p(figures.cold, 50))}, warm p50 ${figure.ms(p(figures.warm, 50))}, ${figures.bytes.toLocaleString("en")} bytes (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const breakdowns = wanted("crosstab", "co-occurrence matrix") ? await measureBreakdowns(projectId, `${TAG}-sector`, RUNS) : [];

  // Applying a code over HTTP as analyst 1, beside a bare INSERT through this process's pool.
  const others: Figure[] = breakdowns.flatMap((b) => [figure.time(`${b.label}, cold (cache off)`, b.cold, 50, TARGETS.coldP50), figure.time(`${b.label}, warm`, b.warm, 50, TARGETS.warmP50)]);
  if (wanted("apply a code")) {
    const writes = await measureWrites(await signedIn(analystEmail(1)), pool, distDir, target, 40);
    say(`  measured applying a code (${writes.apply.length} ok, ${writes.failures.length} refused${writes.failures[0] ? `: ${writes.failures[0]}` : ""})`);
    const ratio = p(writes.apply, 95) / p(writes.insert, 95);
    others.push(
      figure.time("apply a code: applyCodesAction over HTTP", writes.apply, 95, null),
      figure.time("bare INSERT of a coding through a pg pool (same document, same run)", writes.insert, 95, null),
      { label: "apply a code p50 / bare INSERT p50", value: `${(p(writes.apply, 50) / p(writes.insert, 50)).toFixed(1)}x`, target: "-", ok: null },
      { label: "apply a code p95 / bare INSERT p95", value: `${ratio.toFixed(1)}x`, target: `< ${TARGETS.applyVsInsert}x`, ok: ratio < TARGETS.applyVsInsert },
    );
  }

  // Chromium: the transcript of the largest interview, its code picker, and opening an interview on the demo study.
  const pickerWords = new Set<string>();
  if (wanted("transcript in chromium", "picker", "open an interview")) {
    const browser = await launchBrowser();
    try {
      const page = await transcriptPage(browser, base, OWNER_EMAIL, PASSWORD);
      const transcript = await measureTranscript(page, `${base}${P}/documents/${largestDoc.id}`, RUNS);
      others.push(
        figure.time(`transcript (${Number(largestDoc.codings).toLocaleString("en")} codings, ${codes} codes) in Chromium: first turn painted`, transcript.text, 50, TARGETS.firstPaint),
        figure.time("  ... hydrated and selectable (upper bound)", transcript.ready, 50, TARGETS.hydrated),
        figure.time("  ... first contentful paint", transcript.fcp, 50, null),
        figure.time("  ... server's first byte", transcript.serverFirstByte, 50, null),
      );
      const picker = await measurePickerKeystrokes(page, ["secure backup", "team report", "manual"]);
      picker.listed.forEach((n) => pickerWords.add(String(n)));
      others.push(figure.time(`code picker: keystroke to filtered list painted (${codes} codes)`, picker.ms, 50, TARGETS.keystroke));
      const opening = await measureOpenInterview(browser, base, demo.projectId, "analyst-a@demo.grounded.test", RUNS);
      others.push(figure.time("open an interview from the project page (demo study): click to text painted", opening, 50, TARGETS.openInterview));
    } finally {
      await browser.close();
    }
  }
  const rss = readRss(app.process.pid);
  others.push({ label: "server RSS after the run (peak)", value: rss ? `${rss.rss} (peak ${rss.peak})` : "not readable", target: "-", ok: null });
  say(`\n## bench:scale ${args.small ? "--small" : "(full size)"}: generated in ${(generatedMs / 1000).toFixed(0)} s; ${RUNS} runs per figure\n`);
  say(pagesTable(pages, RUNS));
  say("");
  say(figuresTable(others));
  say(`\nServer times are to the last byte, seen from this process over 127.0.0.1. Cold: one coding inserted and deleted (committed) before each sample, so the analysis cache misses as on the first view after a change. Bytes: the body without compression, and gzip (zlib) of it. Picker options listed per keystroke: ${[...pickerWords].join(", ") || "not measured"}.`);
} finally {
  await pool?.end();
  await app?.stop();
  await postgres.stop();
  if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
