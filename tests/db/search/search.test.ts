import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoStudy } from "../../../lib/demo";
import { OPERATOR_SCOPE } from "../../../lib/rigour/blind";
import { searchProject, type SearchResult } from "../../../lib/search/data";
import { HIT_CAP } from "../../../lib/search/limits";
import { regexHits } from "../../../lib/search/regex";
import { searchQuerySchema } from "../../../lib/search/schema";
import { sliceByCodePoints, utf16ToCodePoint } from "../../../lib/transcripts/offsets";
import { makeDocument, makeProject } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type Doc = { id: string; text: string; turns: { start: number; end: number; role: string }[] };
let projectId: string;
let documents: Doc[];

beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  documents = await prisma.document.findMany({ where: { projectId }, select: { id: true, text: true, turns: { select: { start: true, end: true, role: true } } } });
}, 120_000);

const search = (q: Record<string, string>) => searchProject(projectId, searchQuerySchema.parse(q), OPERATOR_SCOPE);

/** The independent count: a plain JavaScript regular expression over every transcript. */
function expected(pattern: RegExp, keep: (doc: Doc, start: number) => boolean = () => true) {
  let hits = 0;
  let interviews = 0;
  for (const doc of documents) {
    const n = [...doc.text.matchAll(pattern)].filter((m) => keep(doc, utf16ToCodePoint(doc.text, m.index))).length;
    hits += n;
    if (n > 0) interviews++;
  }
  return { hits, interviews };
}

const totals = (r: SearchResult) => ({ hits: r.totalHits, interviews: r.totalInterviews });

/** Every hit on the page quotes the text at its offsets. */
function expectHitsAtTheirOffsets(result: SearchResult) {
  const byId = new Map(documents.map((d) => [d.id, d.text]));
  for (const group of result.groups) for (const hit of group.hits) expect(sliceByCodePoints(byId.get(group.document.id)!, hit.start, hit.end)).toBe(hit.match);
}

describe("searchProject over the demo study", () => {
  it("finds an exact phrase ignoring case, and only as whole words", async () => {
    const result = await search({ q: '"Machine Learning"', mode: "phrase" });
    const want = expected(/\bmachine\s+learning\b/gi);
    expect(want.hits).toBeGreaterThan(5);
    expect(totals(result)).toEqual(want);
    expectHitsAtTheirOffsets(result);
    expect(result.groups.flatMap((g) => g.hits).some((h) => h.match === "Machine Learning")).toBe(true);
  });

  it("stems with the project's language: 'label' finds labels, labelled, labelling", async () => {
    const result = await search({ q: "label" });
    const want = expected(/\blabel(s|led|ling)?\b/gi);
    expect(want.hits).toBe(25);
    expect(totals(result)).toEqual(want);
    expect(new Set(result.groups.flatMap((g) => g.hits.map((h) => h.match.toLowerCase())))).toEqual(new Set(["label", "labels", "labelled", "labelling"]));
    expectHitsAtTheirOffsets(result);
  });

  it("any word counts hits of either; all words only in interviews with both", async () => {
    const label = /\blabel(s|led|ling)?\b/gi;
    // Snowball keeps "gpus" whole (no vowel before the u-s), so "GPU" finds "GPU" only: PostgreSQL's stemming, exactly.
    const gpu = /\bgpu\b/gi;
    const any = await search({ q: "label GPU", mode: "any" });
    expect(totals(any)).toEqual(expected(/\b(label(s|led|ling)?|gpu)\b/gi));

    const both = documents.filter((d) => d.text.match(label) && d.text.match(gpu));
    const all = await search({ q: "label GPU", mode: "words" });
    expect(all.totalInterviews).toBe(both.length);
    expect(all.totalHits).toBe(both.reduce((n, d) => n + d.text.match(/\b(label(s|led|ling)?|gpu)\b/gi)!.length, 0));
    expect(all.totalInterviews).toBeLessThan(any.totalInterviews);
  });

  it("keeps only respondents' or interviewers' turns when asked", async () => {
    const inRole = (role: string) => (doc: Doc, at: number) => doc.turns.some((t) => t.role === role && t.start <= at && at < t.end);
    const respondents = await search({ q: "cost", speaker: "respondent" });
    expect(totals(respondents)).toEqual(expected(/\bcosts?\b/gi, inRole("respondent")));
    const interviewers = await search({ q: "cost", speaker: "interviewer" });
    expect(totals(interviewers)).toEqual(expected(/\bcosts?\b/gi, inRole("interviewer")));
    expect(interviewers.totalHits).toBeGreaterThan(0);
    expect(respondents.totalHits + interviewers.totalHits).toBeLessThanOrEqual((await search({ q: "cost" })).totalHits);
    expect(respondents.groups[0].hits[0].speaker).not.toBe("Interviewer");
  });

  it("finds words by their beginning without stemming", async () => {
    expect(totals(await search({ q: "labell", mode: "prefix" }))).toEqual(expected(/\blabell\w*/gi));
  });

  it("matches a regular expression as PostgreSQL does, case-insensitively", async () => {
    const result = await search({ q: "colou?rs?", mode: "regex" });
    expect(totals(result)).toEqual(expected(/colou?rs?/gi));
    expect(result.totalHits).toBeGreaterThan(0);
    expectHitsAtTheirOffsets(result);
    await expect(search({ q: "colo(u", mode: "regex" })).rejects.toMatchObject({ code: "VALIDATION", message: /not a valid regular expression/ });
  });

  it("stops a regular expression that runs too long and says so", async () => {
    const big = await makeDocument(prisma, (await makeProject(prisma)).id, "word ".repeat(400_000));
    await expect(regexHits([big.id], "(w|o|r|d| )+z", HIT_CAP, 5)).rejects.toMatchObject({ code: "VALIDATION", message: /took longer than/ });
  });

  it("refuses another project's interviews as not found, and searches only the ones chosen", async () => {
    const other = await makeDocument(prisma, (await makeProject(prisma)).id, "GPU GPU GPU");
    await expect(search({ q: "GPU", documents: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(search({ q: "GPU", documents: `${documents[0].id},${other.id}` })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const chosen = documents.filter((d) => /\bgpu\b/i.test(d.text)).slice(0, 2);
    const result = await search({ q: "GPU", documents: chosen.map((d) => d.id).join(",") });
    expect(result.groups.map((g) => g.document.id).sort()).toEqual(chosen.map((d) => d.id).sort());
  });

  it("keeps to interviews of cases with one value of a category attribute, and refuses another project's attribute", async () => {
    const sector = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId, name: "sector" } });
    const category = sector.categories[0];
    const cases = await prisma.attributeValue.findMany({ where: { attributeId: sector.id, textValue: category }, select: { caseId: true } });
    const inSector = new Set((await prisma.document.findMany({ where: { caseId: { in: cases.map((c) => c.caseId) } }, select: { id: true } })).map((d) => d.id));
    expect(inSector.size).toBeGreaterThan(0);
    expect(inSector.size).toBeLessThan(32);
    const result = await search({ q: "cost", case: `${sector.id}:${category}` });
    expect(totals(result)).toEqual(expected(/\bcosts?\b/gi, (doc) => inSector.has(doc.id)));
    const elsewhere = await prisma.attributeDefinition.create({ data: { projectId: (await makeProject(prisma)).id, name: "sector", type: "category", categories: [category] } });
    await expect(search({ q: "cost", case: `${elsewhere.id}:${category}` })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages by interview and counts every hit", async () => {
    const first = await search({ q: "the", mode: "phrase" });
    expect(first.totalInterviews).toBe(32);
    expect(first.groups).toHaveLength(20);
    expect(first.pageCount).toBe(2);
    const second = await search({ q: "the", mode: "phrase", page: "2" });
    expect(second.groups).toHaveLength(12);
    expect(second.totalHits).toBe(first.totalHits);
    expect(first.totalHits).toBe(Math.min(HIT_CAP, expected(/\bthe\b/gi).hits));
    expect(first.capped).toBe(expected(/\bthe\b/gi).hits > HIT_CAP);
  });

  it("follows the project's language: 'simple' does not stem; an unknown language is refused", async () => {
    await prisma.project.update({ where: { id: projectId }, data: { searchLanguage: "simple" } });
    try {
      expect((await search({ q: "label" })).totalHits).toBe(expected(/\blabel\b/gi).hits);
    } finally {
      await prisma.project.update({ where: { id: projectId }, data: { searchLanguage: "english" } });
    }
    expect((await search({ q: "label" })).totalHits).toBe(25);
    await expect(prisma.project.update({ where: { id: projectId }, data: { searchLanguage: "klingon" } })).rejects.toThrow();
  });
});
