import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { mergeSpans, overlaps } from "../../../lib/analysis/passages";
import { createPrismaClient, type Db } from "../../../lib/db/client";
import { applyMigrations, MIGRATIONS_DIR } from "../../../lib/db/migrate";
import { codePointLength, normalizeText } from "../../../lib/transcripts/offsets";
import { makeCode, makeDocument, makeProject } from "../helpers/factories";
import { createEmptyDatabase, useTestDatabase } from "../helpers/test-database";
import { seeded } from "../../helpers/seeded";

// The passage tables (CoderPassageSet, PassageSet, PassagePair) are kept by triggers on
// "Coding"; the analysis reads trust them. Here they are held against a plain merge of the
// codings after every kind of write, under concurrent writers, and after the migration that
// fills them from codings already there.

const { url, prisma } = await useTestDatabase();

const TEXT = "x".repeat(120);
const quote = (start: number, end: number) => TEXT.slice(start, end);

type Span = { start: number; end: number };
type Tables = { coder: Record<string, Span[]>; any: Record<string, Span[]>; pairs: Record<string, number> };

/** "{[0,19),[30,41)}" (doubled, see lib/analysis/sql.ts) -> the passages [0,10) and [15,21). */
function passagesOf(multirange: string): Span[] {
  return [...multirange.matchAll(/\[(\d+),(\d+)\)/g)].map(([, a, b]) => ({ start: Number(a) / 2, end: (Number(b) + 1) / 2 }));
}

async function readTables(db: Db, projectId: string): Promise<Tables> {
  const coder = await db.$queryRaw<{ d: string; c: string; k: string; islands: string; passages: number }[]>`
    SELECT "documentId" d, "codeId" c, "coderId" k, islands::text, passages FROM "CoderPassageSet" WHERE "projectId" = ${projectId}`;
  const any = await db.$queryRaw<{ d: string; c: string; islands: string; passages: number }[]>`
    SELECT "documentId" d, "codeId" c, islands::text, passages FROM "PassageSet" WHERE "projectId" = ${projectId}`;
  const pairs = await db.$queryRaw<{ d: string; a: string; b: string; passages: number }[]>`
    SELECT "documentId" d, "codeA" a, "codeB" b, passages FROM "PassagePair" WHERE "projectId" = ${projectId}`;
  for (const row of [...coder, ...any]) expect(row.passages, "passages = the number of ranges").toBe(passagesOf(row.islands).length);
  return {
    coder: Object.fromEntries(coder.map((r) => [`${r.d}|${r.c}|${r.k}`, passagesOf(r.islands)])),
    any: Object.fromEntries(any.map((r) => [`${r.d}|${r.c}`, passagesOf(r.islands)])),
    pairs: Object.fromEntries(pairs.map((r) => [`${r.d}|${r.a}|${r.b}`, r.passages])),
  };
}

/** The same three tables from the codings, in TypeScript (lib/analysis/passages.ts). */
async function expectedTables(db: Db, projectId: string): Promise<Tables> {
  const codings = await db.coding.findMany({ where: { projectId }, select: { documentId: true, codeId: true, coderId: true, start: true, end: true } });
  const group = (key: (c: (typeof codings)[number]) => string) => {
    const groups = new Map<string, Span[]>();
    for (const c of codings) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
    return Object.fromEntries([...groups].map(([k, spans]) => [k, mergeSpans(spans).map(({ start, end }) => ({ start, end }))]));
  };
  const any = group((c) => `${c.documentId}|${c.codeId}`);
  const pairs: Record<string, number> = {};
  for (const [keyA, passagesA] of Object.entries(any)) {
    for (const [keyB, passagesB] of Object.entries(any)) {
      const [docA, codeA] = keyA.split("|");
      const [docB, codeB] = keyB.split("|");
      if (docA !== docB || !(Buffer.compare(Buffer.from(codeA), Buffer.from(codeB)) < 0)) continue;
      const n = passagesA.reduce((sum, a) => sum + passagesB.filter((b) => overlaps(a, b)).length, 0);
      if (n > 0) pairs[`${docA}|${codeA}|${codeB}`] = n;
    }
  }
  return { coder: group((c) => `${c.documentId}|${c.codeId}|${c.coderId}`), any, pairs };
}

async function expectTablesCurrent(db: Db, projectId: string, step: string) {
  expect(await readTables(db, projectId), step).toEqual(await expectedTables(db, projectId));
}

// In SQL: the study is also written into a database migrated to an older schema, whose User
// lacks columns added since, which the client would write.
async function olderSafeUser(db: Db): Promise<{ id: string }> {
  const id = randomUUID();
  await db.$executeRaw`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (${id}, ${`coder-${id}@test.example`}, 'Coder', 'x', now())`;
  return { id };
}

// The same for a project and its analysts: Project has gained columns since that migration.
async function olderSafeProject(db: Db, coders: { id: string }[]): Promise<{ id: string }> {
  const id = randomUUID();
  await db.$executeRaw`INSERT INTO "Project" (id, name, "updatedAt") VALUES (${id}, 'Older study', now())`;
  for (const coder of coders) await db.$executeRaw`INSERT INTO "Membership" (id, "projectId", "userId", role) VALUES (${randomUUID()}, ${id}, ${coder.id}, 'analyst')`;
  return { id };
}

// And a document: Document has gained columns too (version, for transcript corrections).
async function olderSafeDocument(db: Db, projectId: string): Promise<{ id: string }> {
  const id = randomUUID();
  const text = normalizeText(TEXT);
  await db.$executeRaw`INSERT INTO "Document" (id, "projectId", title, text, "textLength", checksum, "sourceFormat") VALUES (${id}, ${projectId}, ${`Doc ${id}`}, ${text}, ${codePointLength(text)}, ${createHash("sha256").update(text).digest("hex")}, 'text')`;
  return { id };
}

// And a code: Code has gained a column too (refiGuid, for REFI-QDA exchange).
async function olderSafeCode(db: Db, projectId: string, name: string): Promise<{ id: string }> {
  const id = randomUUID();
  await db.$executeRaw`INSERT INTO "Code" (id, "projectId", name, "updatedAt") VALUES (${id}, ${projectId}, ${name}, now())`;
  return { id };
}

async function smallStudy(db: Db, old = false) {
  const coders = [await olderSafeUser(db), await olderSafeUser(db), await olderSafeUser(db)];
  const project = old ? await olderSafeProject(db, coders) : await makeProject(db, coders.map((c) => ({ userId: c.id, role: "analyst" as const })));
  const document = () => (old ? olderSafeDocument(db, project.id) : makeDocument(db, project.id, TEXT));
  const documents = [await document(), await document(), await document()];
  const codes = [];
  for (let i = 0; i < 5; i++) codes.push(old ? await olderSafeCode(db, project.id, `K${i}`) : await makeCode(db, project.id, `K${i}`));
  return { projectId: project.id, coders, documents, codes };
}

describe("passage tables", () => {
  it.each([1, 2, 3])("equal a plain merge of the codings after random inserts, batch inserts, moves, memo edits and deletes (seed %i)", async (seed) => {
    const random = seeded(seed);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const { projectId, coders, documents, codes } = await smallStudy(prisma);
    const span = () => {
      const start = Math.floor(random() * 110);
      const end = Math.min(120, start + 1 + Math.floor(random() * 14));
      return { start, end, quote: quote(start, end) };
    };
    const row = () => ({ projectId, documentId: pick(documents).id, codeId: pick(codes).id, coderId: pick(coders).id, ...span() });

    for (let step = 0; step < 60; step++) {
      const existing = await prisma.coding.findMany({ where: { projectId }, select: { id: true } });
      const op = existing.length < 5 ? 0 : Math.floor(random() * 6);
      if (op === 0) await prisma.coding.createMany({ data: Array.from({ length: 1 + Math.floor(random() * 8) }, row), skipDuplicates: true });
      if (op === 1) await prisma.coding.create({ data: row() }).catch(() => {}); // an exact duplicate is refused by the unique index
      if (op === 2) await prisma.coding.update({ where: { id: pick(existing).id }, data: span() }).catch(() => {});
      if (op === 3) await prisma.coding.updateMany({ where: { projectId, codeId: pick(codes).id }, data: { codeId: pick(codes).id } }).catch(() => {}); // a merge of codes
      if (op === 4) await prisma.coding.update({ where: { id: pick(existing).id }, data: { memo: `memo ${step}` } });
      if (op === 5) await prisma.coding.deleteMany({ where: { id: { in: [pick(existing).id, pick(existing).id] } } });
      await expectTablesCurrent(prisma, projectId, `seed ${seed}, step ${step}, operation ${op}`);
    }
    expect(Object.keys((await readTables(prisma, projectId)).pairs).length, "the study is dense enough to have overlapping codes").toBeGreaterThan(0);
  });

  it("lose their rows with the document, and a code's rows when its codings go", async () => {
    const { projectId, coders, documents, codes } = await smallStudy(prisma);
    await prisma.coding.createMany({
      data: documents.flatMap((d) => codes.map((c, i) => ({ projectId, documentId: d.id, codeId: c.id, coderId: coders[i % 3].id, start: i * 10, end: i * 10 + 15, quote: quote(i * 10, i * 10 + 15) }))),
    });
    await expectTablesCurrent(prisma, projectId, "after the insert");
    expect(Object.keys((await readTables(prisma, projectId)).pairs)).toHaveLength(3 * 4);
    await prisma.document.delete({ where: { id: documents[0].id } });
    await expectTablesCurrent(prisma, projectId, "after deleting a document");
    await prisma.coding.deleteMany({ where: { codeId: codes[2].id } });
    await expectTablesCurrent(prisma, projectId, "after deleting a code's codings");
    const tables = await readTables(prisma, projectId);
    expect(Object.keys(tables.any).some((k) => k.startsWith(documents[0].id) || k.endsWith(codes[2].id))).toBe(false);
  });

  it("keep both of two analysts' codings written at the same time in one document and code", async () => {
    const { projectId, coders, documents, codes } = await smallStudy(prisma);
    const first = new pg.Client({ connectionString: url });
    const second = new pg.Client({ connectionString: url });
    await first.connect();
    await second.connect();
    try {
      const insert = (client: pg.Client, id: string, coderId: string, start: number) =>
        client.query(
          `INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
          [id, projectId, documents[0].id, codes[0].id, coderId, start, start + 5, quote(start, start + 5)],
        );
      await first.query("BEGIN");
      await insert(first, "concurrent-1", coders[0].id, 0);
      await second.query("BEGIN");
      // Recomputing the pair here without waiting would see only its own coding, and its
      // result would overwrite the first transaction's when both commit.
      const secondInsert = insert(second, "concurrent-2", coders[1].id, 50);
      const waited = await Promise.race([secondInsert.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 300))]);
      expect(waited, "the second writer waits for the first to finish with the document").toBe(true);
      await first.query("COMMIT");
      await secondInsert;
      await second.query("COMMIT");
    } finally {
      await first.end();
      await second.end();
    }
    await expectTablesCurrent(prisma, projectId, "after both commits");
    expect((await readTables(prisma, projectId)).any[`${documents[0].id}|${codes[0].id}`]).toEqual([
      { start: 0, end: 5 },
      { start: 50, end: 55 },
    ]);
  });

  it("refuse a coding written under REPEATABLE READ, which could not see a concurrent writer's codings, and write nothing", async () => {
    const { projectId, coders, documents, codes } = await smallStudy(prisma);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await expect(
        client.query(`INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt") VALUES ('rr-1', $1, $2, $3, $4, 0, 5, $5, now())`, [
          projectId,
          documents[0].id,
          codes[0].id,
          coders[0].id,
          quote(0, 5),
        ]),
      ).rejects.toThrow(/READ COMMITTED/);
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
    expect(await prisma.coding.count({ where: { projectId } })).toBe(0);
    await expectTablesCurrent(prisma, projectId, "after the refusal");
  });

  it("stay exact when two SERIALIZABLE writers code one document at once (one may be cancelled, never both kept wrong)", async () => {
    const { projectId, coders, documents, codes } = await smallStudy(prisma);
    const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    for (const client of clients) await client.connect();
    const outcomes: string[] = [];
    try {
      // The first writer adds code 0 where code 1 will be; the second moves nothing but adds
      // code 1 next to it: each one's pair count depends on the other's coding.
      await prisma.coding.create({ data: { projectId, documentId: documents[0].id, codeId: codes[1].id, coderId: coders[2].id, start: 90, end: 95, quote: quote(90, 95) } });
      const insert = (client: pg.Client, id: string, codeId: string, start: number) =>
        client.query(
          `INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
          [id, projectId, documents[0].id, codeId, coders[0].id, start, start + 10, quote(start, start + 10)],
        );
      for (const client of clients) await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
      for (const client of clients) await client.query(`SELECT count(*) FROM "Coding" WHERE "projectId" = $1`, [projectId]); // both snapshots taken
      await insert(clients[0], "serializable-1", codes[0].id, 10);
      // The second writer's outcome is taken as soon as it settles: it may be cancelled while
      // it waits for the document (its insert), or at its commit.
      const second = insert(clients[1], "serializable-2", codes[1].id, 15)
        .then(() => clients[1].query("COMMIT"))
        .then(
          () => "second committed",
          async (error: { code?: string }) => {
            await clients[1].query("ROLLBACK");
            return `second cancelled ${error.code}`;
          },
        );
      outcomes.push(
        await clients[0].query("COMMIT").then(
          () => "first committed",
          (error: { code?: string }) => `first cancelled ${error.code}`,
        ),
      );
      outcomes.push(await second);
    } finally {
      for (const client of clients) await client.end();
    }
    for (const outcome of outcomes.filter((o) => o.includes("cancelled"))) expect(outcome).toMatch(/40001$/);
    expect(outcomes.filter((o) => o.includes("committed")).length).toBeGreaterThan(0);
    await expectTablesCurrent(prisma, projectId, `after ${outcomes.join(", ")}`);
  });

  it("are filled from the codings already there when the migration runs", async () => {
    const migrations = (await fs.readdir(MIGRATIONS_DIR)).filter((name) => /^\d{14}_/.test(name)).sort();
    const adding = migrations.findIndex((name) => name.endsWith("_passage_tables"));
    expect(adding).toBeGreaterThan(0);
    const before = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-migrations-"));
    try {
      for (const name of migrations.slice(0, adding)) await fs.cp(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
      const oldUrl = await createEmptyDatabase();
      await applyMigrations(oldUrl, before);
      const old = createPrismaClient(oldUrl);
      try {
        const { projectId, coders, documents, codes } = await smallStudy(old, true);
        const random = seeded(7);
        const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
        await old.coding.createMany({
          data: Array.from({ length: 80 }, () => {
            const start = Math.floor(random() * 110);
            const end = Math.min(120, start + 1 + Math.floor(random() * 14));
            return { projectId, documentId: pick(documents).id, codeId: pick(codes).id, coderId: pick(coders).id, start, end, quote: quote(start, end) };
          }),
          skipDuplicates: true,
        });
        await applyMigrations(oldUrl);
        const tables = await readTables(old, projectId);
        expect(Object.keys(tables.pairs).length).toBeGreaterThan(0);
        expect(tables).toEqual(await expectedTables(old, projectId));
      } finally {
        await old.$disconnect();
      }
    } finally {
      await fs.rm(before, { recursive: true, force: true });
    }
  });
});
