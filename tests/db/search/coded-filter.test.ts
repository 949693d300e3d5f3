import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoStudy } from "../../../lib/demo";
import { OPERATOR_SCOPE, readScope, type ReadScope } from "../../../lib/rigour/blind";
import { searchProject, searchSpans } from "../../../lib/search/data";
import { searchQuerySchema } from "../../../lib/search/schema";
import { utf16ToCodePoint } from "../../../lib/transcripts/offsets";
import { code, teamWorld, type TeamWorld } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type Span = { start: number; end: number };
const overlapsAny = (spans: readonly Span[], s: Span) => spans.some((c) => c.start < s.end && s.start < c.end);
const COST = /\bcost(s|ly|ing)?\b/gi;

describe("search's coded / not coded filter over the demo study", () => {
  let projectId: string;
  let documents: { id: string; text: string }[];
  let codings: { documentId: string; codeId: string; coderId: string; start: number; end: number }[];
  let theme: { id: string; subtree: Set<string> };

  beforeAll(async () => {
    ({ projectId } = await loadDemoStudy(prisma));
    documents = await prisma.document.findMany({ where: { projectId }, select: { id: true, text: true } });
    codings = await prisma.coding.findMany({ where: { projectId }, select: { documentId: true, codeId: true, coderId: true, start: true, end: true } });
    const codes = await prisma.code.findMany({ where: { projectId, deletedAt: null }, select: { id: true, name: true, parentId: true } });
    // The parent of the cost theme, so the test shows that sub-codes count.
    const parent = codes.find((c) => c.id === codes.find((k) => k.name === "Cost versus value")!.parentId)!;
    const subtree = new Set([parent.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of codes) if (c.parentId && subtree.has(c.parentId) && !subtree.has(c.id)) (subtree.add(c.id), (grew = true));
    }
    expect(subtree.size).toBeGreaterThan(1);
    theme = { id: parent.id, subtree };
  }, 120_000);

  /** The independent count: every "cost" word, kept when it shares a character with a chosen coding. */
  function expected(keepCoding: (c: (typeof codings)[number]) => boolean, wanted: boolean) {
    let hits = 0;
    for (const doc of documents) {
      const own = codings.filter((c) => c.documentId === doc.id && keepCoding(c));
      for (const m of doc.text.matchAll(COST)) {
        const start = utf16ToCodePoint(doc.text, m.index);
        if (overlapsAny(own, { start, end: start + m[0].length }) === wanted) hits++;
      }
    }
    return hits;
  }
  const search = (q: Record<string, string>, scope: ReadScope = OPERATOR_SCOPE) => searchProject(projectId, searchQuerySchema.parse({ q: "cost", ...q }), scope);

  it("counts hits coded with a theme or any of its sub-codes, and the rest as not coded", async () => {
    const coded = await search({ coded: "yes", code: theme.id });
    const uncoded = await search({ coded: "no", code: theme.id });
    const all = await search({});
    const want = expected((c) => theme.subtree.has(c.codeId), true);
    expect(want).toBeGreaterThan(3);
    expect(coded.totalHits).toBe(want);
    expect(uncoded.totalHits).toBe(expected((c) => theme.subtree.has(c.codeId), false));
    expect(coded.totalHits + uncoded.totalHits).toBe(all.totalHits);
    expect(coded.totalHits).toBeLessThan(all.totalHits);
  });

  it("narrows to one analyst's codings, with or without a code", async () => {
    const coder = codings[0].coderId;
    expect((await search({ coded: "yes", analyst: coder })).totalHits).toBe(expected((c) => c.coderId === coder, true));
    expect((await search({ coded: "no", analyst: coder, code: theme.id })).totalHits).toBe(expected((c) => c.coderId === coder && theme.subtree.has(c.codeId), false));
  });

  it("gives auto-coding every hit of the filtered search, at the offsets the page shows", async () => {
    const query = searchQuerySchema.parse({ q: "cost", coded: "no", code: theme.id });
    const spans = await searchSpans(projectId, query, OPERATOR_SCOPE);
    expect(spans.length).toBe((await searchProject(projectId, query, OPERATOR_SCOPE)).totalHits);
    const byId = new Map(documents.map((d) => [d.id, d.text]));
    for (const s of spans) expect([...byId.get(s.documentId)!].slice(s.start, s.end).join("").toLowerCase()).toMatch(/^cost/);
    await expect(searchSpans(projectId, query, OPERATOR_SCOPE, 3)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses a code or an analyst from outside the project as not found", async () => {
    const other = await prisma.project.create({ data: { name: "Other" } });
    const stranger = await prisma.user.create({ data: { email: "stranger@example.org", name: "Stranger", passwordHash: "x" } });
    const foreignCode = await prisma.code.create({ data: { projectId: other.id, name: "Elsewhere" } });
    await expect(search({ coded: "yes", code: foreignCode.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(search({ coded: "yes", analyst: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the coded filter under blind coding", () => {
  let w: TeamWorld;
  beforeAll(async () => {
    w = await teamWorld(prisma);
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    // Ben codes "cost" in the first interview only; Ana has coded nothing.
    await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "cost");
  });
  const as = async (user: { id: string }, role: "owner" | "analyst" | "viewer", q: Record<string, string>) =>
    searchProject(w.project.id, searchQuerySchema.parse({ q: "cost", ...q }), await readScope(w.project.id, { id: user.id, role }));

  it("answers a blind analyst from her own codings only: Ben's coding is neither 'coded' nor missing from 'not coded'", async () => {
    expect((await as(w.ana, "analyst", { coded: "yes", code: w.cost.id })).totalHits).toBe(0);
    expect((await as(w.ana, "analyst", { coded: "no", code: w.cost.id })).totalHits).toBe(2);
    expect((await as(w.ana, "analyst", { coded: "yes", analyst: w.ben.id })).totalHits).toBe(0);
    expect((await as(w.vic, "viewer", { coded: "no", code: w.cost.id })).totalHits).toBe(2);
  });

  it("lets the owner, who sees every coding, filter by Ben's", async () => {
    expect((await as(w.olivia, "owner", { coded: "yes", code: w.cost.id })).totalHits).toBe(1);
    expect((await as(w.olivia, "owner", { coded: "yes", analyst: w.ben.id })).totalHits).toBe(1);
    expect((await as(w.olivia, "owner", { coded: "no", analyst: w.ben.id })).totalHits).toBe(1);
  });
});
