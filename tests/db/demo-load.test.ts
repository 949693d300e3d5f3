import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { DEFAULT_DEMO_DIR, type DemoData, readDemoData } from "../../lib/demo/files";
import { demoLogins, loadDemoStudy, loadDemoStudyCopy } from "../../lib/demo";
import { prepareDemoStudy } from "../../lib/demo/prepare";
import { DEMO_PROJECT_NAME } from "../../lib/demo/project";
import { sliceByCodePoints } from "../../lib/transcripts/offsets";
import { useTestDatabase } from "./helpers/test-database";

const { prisma, url } = await useTestDatabase();

let data: DemoData;
let referenceCodings: number;
let turnCount: number;
let codeCount: number;
beforeAll(async () => {
  data = await readDemoData();
  referenceCodings = data.cases.reduce((n, c) => n + c.codings.reduce((m, entry) => m + entry.coders.length, 0), 0);
  const study = prepareDemoStudy(data);
  turnCount = study.documents.reduce((n, d) => n + d.turns.length, 0);
  codeCount = study.codes.length;
});

const TABLES = ["User", "Project", "Membership", "AttributeDefinition", "Case", "AttributeValue", "Document", "SpeakerTurn", "Code", "Coding", "AuditEvent"] as const;

/** Row counts of every table the loader writes to. */
async function tableCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table)}`);
      counts[table] = Number(rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

async function projectCounts(projectId: string) {
  const [documents, cases, codes, codings, memberships, turns, values] = await Promise.all([
    prisma.document.count({ where: { projectId } }),
    prisma.case.count({ where: { projectId } }),
    prisma.code.count({ where: { projectId } }),
    prisma.coding.count({ where: { projectId } }),
    prisma.membership.count({ where: { projectId } }),
    prisma.speakerTurn.count({ where: { document: { projectId } } }),
    prisma.attributeValue.count({ where: { projectId } }),
  ]);
  return { documents, cases, codes, codings, memberships, turns, values };
}

/** A copy of data/demo to break on purpose; removed after the file's tests. */
async function demoCopy(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-demo-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  await fs.cp(DEFAULT_DEMO_DIR, dir, { recursive: true });
  return dir;
}

// These run first, on the empty database, so "unchanged" also covers the demo accounts.
describe("a demo load that fails", () => {
  it("throws on a passage that is not in the transcript, naming case and passage, and writes nothing", async () => {
    const dir = await demoCopy();
    const file = path.join(dir, "coding", "P14.json");
    const coding = JSON.parse(await fs.readFile(file, "utf8"));
    coding.codings[3].text = "a passage nobody ever said in this interview";
    await fs.writeFile(file, JSON.stringify(coding, null, 2));
    const before = await tableCounts();

    await expect(loadDemoStudy(prisma, { dataDir: dir })).rejects.toThrow(/^P14: coding 4 \(.+\): passage not found in the transcript: "a passage nobody ever said/);
    expect(await tableCounts()).toEqual(before);
  });

  it("throws on an occurrence beyond the passage's count", async () => {
    const dir = await demoCopy();
    const file = path.join(dir, "coding", "P03.json");
    const coding = JSON.parse(await fs.readFile(file, "utf8"));
    coding.codings[0].occurrence = 2;
    await fs.writeFile(file, JSON.stringify(coding, null, 2));
    await expect(loadDemoStudyCopy(prisma, { dataDir: dir })).rejects.toThrow(/^P03: coding 1 .*occurrence 2 asked for/);
  });

  it("rolls everything back when the database refuses a row halfway through", async () => {
    const before = await tableCounts();
    expect(before.User).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // Codings are written last: failing there leaves users, project, cases and documents to undo.
    await client.query(`CREATE FUNCTION test_refuse_coding() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`);
    await client.query(`CREATE TRIGGER test_refuse_coding BEFORE INSERT ON "Coding" FOR EACH ROW EXECUTE FUNCTION test_refuse_coding()`);
    try {
      await expect(loadDemoStudy(prisma)).rejects.toThrow(/refused by the test/);
    } finally {
      await client.query(`DROP TRIGGER test_refuse_coding ON "Coding"; DROP FUNCTION test_refuse_coding()`);
      await client.end();
    }
    expect(await tableCounts()).toEqual(before);
  });
});

describe("loadDemoStudy", () => {
  let projectId: string;
  let viewerHash: string;

  it("loads the 32 cases and documents, the codebook and both analysts' coding", async () => {
    // An account with a demo address already exists: the loader must reuse it untouched.
    viewerHash = await hashPassword("the viewer's own password");
    await prisma.user.create({ data: { email: "viewer@demo.grounded.test", name: "Already Here", passwordHash: viewerHash } });

    const result = await loadDemoStudy(prisma);
    expect(result.created).toBe(true);
    projectId = result.projectId;

    const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.name).toBe(DEMO_PROJECT_NAME);
    expect(project.description).toMatch(/synthetic reconstructions/);
    expect(project.description).toMatch(/not the real interviews/);
    expect(await projectCounts(projectId)).toEqual({
      documents: 32,
      cases: 32,
      codes: codeCount,
      codings: referenceCodings,
      memberships: 4,
      turns: turnCount,
      values: 32 * 20,
    });
    expect(codeCount).toBe(20);

    const byCoder = await prisma.coding.groupBy({ by: ["coderId"], where: { projectId }, _count: true });
    const analysts = await prisma.user.findMany({ where: { email: { in: ["analyst-a@demo.grounded.test", "analyst-b@demo.grounded.test"] } } });
    const countOf = (email: string) => byCoder.find((g) => g.coderId === analysts.find((u) => u.email === email)?.id)?._count;
    const fromJson = (coder: "A" | "B") => data.cases.reduce((n, c) => n + c.codings.filter((e) => e.coders.includes(coder)).length, 0);
    expect(countOf("analyst-a@demo.grounded.test")).toBe(fromJson("A"));
    expect(countOf("analyst-b@demo.grounded.test")).toBe(fromJson("B"));
  });

  it("gives the demo accounts their roles and password, reusing an existing account as it is", async () => {
    const memberships = await prisma.membership.findMany({ where: { projectId }, include: { user: true } });
    expect(Object.fromEntries(memberships.map((m) => [m.user.email, m.role]))).toEqual(Object.fromEntries(demoLogins.map((l) => [l.email, l.role])));
    const owner = memberships.find((m) => m.role === "owner")?.user;
    expect(owner?.name).toBe("Olivia Owner");
    expect(await verifyPassword(owner?.passwordHash ?? "", "grounded-demo")).toBe(true);
    const viewer = memberships.find((m) => m.role === "viewer")?.user;
    expect(viewer).toMatchObject({ name: "Already Here", passwordHash: viewerHash });
  });

  it("stores case attributes that add up, in SQL, to the report's figures", async () => {
    const rows = await prisma.$queryRaw<{ name: string; total: number }[]>`
      SELECT d.name, sum(v."numberValue")::float8 AS total
      FROM "AttributeValue" v JOIN "AttributeDefinition" d ON d.id = v."attributeId"
      WHERE d."projectId" = ${projectId} AND d.type = 'number'
      GROUP BY d.name`;
    const total = Object.fromEntries(rows.map((r) => [r.name, Number(r.total)]));
    expect([total.projects, total.tf_only, total.tf_plus, total.no_tf, total.tf_only_aws, total.tf_plus_aws]).toEqual([388, 140, 167, 81, 123, 134]);
    const [onPremise] = await prisma.$queryRaw<{ total: number }[]>`
      SELECT sum(v."numberValue")::float8 AS total
      FROM "AttributeValue" v JOIN "AttributeDefinition" d ON d.id = v."attributeId"
      WHERE d."projectId" = ${projectId} AND d.name LIKE '%\_on\_premise'`;
    expect(Number(onPremise.total)).toBe(35);

    const sector = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, name: "sector" } });
    expect(sector.type).toBe("category");
    const texts = await prisma.attributeValue.findMany({ where: { attributeId: sector.id } });
    expect(texts.every((v) => v.textValue !== null && sector.categories.includes(v.textValue))).toBe(true);
  });

  it("stores each coding's quote exactly as the document text at its offsets", async () => {
    const [check] = await prisma.$queryRaw<{ total: number; matching: number }[]>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE substr(d.text, c.start + 1, c."end" - c.start) = c.quote)::int AS matching
      FROM "Coding" c JOIN "Document" d ON d.id = c."documentId"
      WHERE c."projectId" = ${projectId}`;
    expect(check).toEqual({ total: referenceCodings, matching: referenceCodings });

    const documents = await prisma.document.findMany({ where: { projectId }, include: { codings: true, turns: { orderBy: { index: "asc" } }, case: true } });
    for (const document of documents) {
      for (const coding of document.codings) expect(sliceByCodePoints(document.text, coding.start, coding.end)).toBe(coding.quote);
      expect(document.case?.name).toBe(document.sourceName.replace(/\.txt$/, ""));
      expect(document.title.startsWith(`${document.case?.name} — `)).toBe(true);
      expect(document.turns[0].role).toBe(document.turns[0].speaker === "Interviewer" ? "interviewer" : "respondent");
      expect(document.turns.some((t) => t.role === "respondent")).toBe(true);
    }
    const timed = documents.find((d) => d.sourceName === "P03.txt");
    expect(timed?.turns.every((t) => t.timestampMs !== null)).toBe(true);
    const memos = await prisma.coding.count({ where: { projectId, memo: { not: "" } } });
    expect(memos).toBeGreaterThan(0);
  });

  it("does nothing the second time", async () => {
    const before = await tableCounts();
    expect(await loadDemoStudy(prisma)).toEqual({ projectId, created: false });
    expect(await tableCounts()).toEqual(before);
  });

  it("loads a copy into a new project on demand, leaving the first alone", async () => {
    const first = await projectCounts(projectId);
    const users = await prisma.user.count();
    const copy = await loadDemoStudyCopy(prisma);
    expect(copy.created).toBe(true);
    expect(copy.projectId).not.toBe(projectId);
    expect(await projectCounts(copy.projectId)).toEqual(first);
    expect(await projectCounts(projectId)).toEqual(first);
    expect(await prisma.user.count()).toBe(users);
    const names = await prisma.project.findMany({ orderBy: { createdAt: "asc" }, select: { name: true } });
    expect(new Set(names.map((p) => p.name)).size).toBe(2);
    // The first demo project is still the one an idempotent load finds.
    expect(await loadDemoStudy(prisma)).toEqual({ projectId, created: false });
  });

  it("loads the demo again once its project has been deleted, and never touches other projects", async () => {
    const other = await prisma.project.create({ data: { name: "Someone's own study" } });
    await prisma.project.deleteMany({ where: { id: { not: other.id } } });
    const again = await loadDemoStudy(prisma);
    expect(again.created).toBe(true);
    expect(await prisma.project.findUnique({ where: { id: other.id } })).toMatchObject({ name: "Someone's own study" });
    expect(await prisma.project.count()).toBe(2);
  });
});
