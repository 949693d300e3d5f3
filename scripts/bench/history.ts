// npx tsx scripts/bench/history.ts — prints, on this machine, how long a page of the project history takes
// (lib/history/data.ts: the keyset query with its JSON filters and blind rule, names, restore
// flags) in a project whose audit log holds 200,000 events (codings by two analysts in 20
// interviews, code edits, memos), for an owner and for a blind analyst and viewer, the first
// page and one 2,000 events deep, with filters that match often, rarely and never. Not a test:
// figures vary with the machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { getProjectHistory } from "../../lib/history/data";
import type { HistoryFilters } from "../../lib/history/schema";
import type { Viewer } from "../../lib/rigour/blind";

const EVENTS = 200_000;
const RUNS = 9;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-bench-"));
fs.chmodSync(dataDir, 0o711);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
const url = postgres.urlFor("grounded");
try {
  await ensureDatabase(postgres.urlFor("postgres"), "grounded");
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const prisma = createPrismaClient(url);
  const [olivia, ana, ben, vic] = await Promise.all(["olivia", "ana", "ben", "vic"].map((n) => prisma.user.create({ data: { email: `${n}@bench.example`, name: n, passwordHash: "x" } })));
  const project = await prisma.project.create({
    data: { name: "History benchmark", memberships: { create: [{ userId: olivia!.id, role: "owner" }, { userId: ana!.id, role: "analyst" }, { userId: ben!.id, role: "analyst" }, { userId: vic!.id, role: "viewer" }] } },
  });
  const documents = await Promise.all(Array.from({ length: 20 }, (_, i) => prisma.document.create({ data: { projectId: project.id, title: `Interview ${i + 1}`, text: "x", textLength: 1, checksum: "x".repeat(64), sourceFormat: "text" } })));
  const codes = await Promise.all(Array.from({ length: 50 }, (_, i) => prisma.code.create({ data: { projectId: project.id, name: `Code ${i + 1}` } })));
  const p = project.id;
  // Ten events in eleven are codings (half each analyst's), the rest code edits and memos; one a second.
  await prisma.$executeRaw`
    INSERT INTO "AuditEvent" ("projectId", "actorId", action, entity, "entityId", "after", "createdAt")
    SELECT ${p}, CASE WHEN g % 2 = 0 THEN ${ana!.id} ELSE ${ben!.id} END,
      CASE WHEN g % 11 = 0 THEN 'code.update' WHEN g % 11 = 1 THEN 'memo.create' ELSE 'coding.create' END,
      CASE WHEN g % 11 = 0 THEN 'Code' WHEN g % 11 = 1 THEN 'Memo' ELSE 'Coding' END,
      CASE WHEN g % 11 = 0 THEN (${codes.map((c) => c.id)}::text[])[1 + g % 50] ELSE 'row' || g END,
      jsonb_build_object('documentId', (${documents.map((d) => d.id)}::text[])[1 + g % 20], 'codeId', (${codes.map((c) => c.id)}::text[])[1 + g % 50],
        'coderId', CASE WHEN g % 2 = 0 THEN ${ana!.id} ELSE ${ben!.id} END, 'authorId', CASE WHEN g % 2 = 0 THEN ${ana!.id} ELSE ${ben!.id} END, 'quote', 'a passage'),
      now() - make_interval(secs => g)
    FROM generate_series(1, ${EVENTS}::int) g`;
  await prisma.$executeRaw`ANALYZE "AuditEvent"`;
  await prisma.project.update({ where: { id: p }, data: { blindCoding: true } });

  const owner: Viewer = { id: olivia!.id, role: "owner" };
  const analyst: Viewer = { id: ana!.id, role: "analyst" };
  const viewer: Viewer = { id: vic!.id, role: "viewer" };
  const deep = async (who: Viewer, filters: HistoryFilters) => {
    let page = await getProjectHistory(p, who, filters);
    for (let i = 0; i < 40 && page.older; i++) page = await getProjectHistory(p, who, { ...filters, older: page.older });
    return page.older ?? undefined;
  };
  const cases: [string, Viewer, HistoryFilters][] = [
    ["owner, everything", owner, {}],
    ["owner, one interview", owner, { document: documents[3]!.id }],
    ["owner, one code", owner, { code: codes[7]!.id }],
    ["owner, one person, codes only", owner, { person: ben!.id, kind: "codes" }],
    ["owner, last week", owner, { from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10) }],
    ["blind analyst, everything", analyst, {}],
    ["blind analyst, the other analyst's codings (none)", analyst, { person: ben!.id, kind: "codings" }],
    ["blind viewer, codings (none)", viewer, { kind: "codings" }],
  ];
  console.log(`Project history over ${EVENTS.toLocaleString("en")} audit events, p50 (max) of ${RUNS} runs:`);
  for (const [label, who, filters] of cases) {
    const older = await deep(who, filters);
    for (const [where, f] of [["first page", filters], ["2,000 deep", { ...filters, older }]] as const) {
      if (where === "2,000 deep" && !older) continue;
      const times: number[] = [];
      let shown = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        shown = (await getProjectHistory(p, who, f)).items.length;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${label}, ${where}: ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms (${times.at(-1)!.toFixed(1)} ms), ${shown} entries`);
    }
  }
  await prisma.$disconnect();
} finally {
  await postgres.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
