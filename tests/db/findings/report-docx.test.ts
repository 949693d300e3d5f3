import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoStudy } from "../../../lib/demo";
import { findingsToDocx } from "../../../lib/findings/docx";
import { findingsToMarkdown } from "../../../lib/findings/markdown";
import { getPrintedReport, type PrintedReport } from "../../../lib/findings/report";
import { OPERATOR_SCOPE, readScope } from "../../../lib/rigour/blind";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

let projectId: string;
let ana: { id: string; name: string };
let ben: { id: string; name: string };
let owner: { id: string; name: string };
const ANY = { kind: "any" } as const;
const NOW = new Date("2026-03-04T10:00:00Z");

beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  const person = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
  [ana, ben, owner] = await Promise.all([person("analyst-a@demo.grounded.test"), person("analyst-b@demo.grounded.test"), person("owner@demo.grounded.test")]);
});

/** The text a reader of the Word file sees: every w:t of word/document.xml, paragraph by paragraph. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter(Boolean)
    .join("\n")
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Coded interviews per analyst, counted straight from the codings of live codes. */
async function interviewsCodedBy(coderId: string) {
  const rows = await prisma.coding.groupBy({ by: ["documentId"], where: { projectId, coderId, code: { deletedAt: null } } });
  return rows.length;
}

function expectReaderReport(text: string, printed: PrintedReport) {
  expect(text).toContain(printed.title);
  expect(text).toContain("Findings report, 2026-03-04");
  expect(text).toContain("32 interviews with 32 cases");
  for (const [i, f] of printed.report.findings.entries()) {
    expect(text).toContain(`${i + 1}. ${f.statement}`);
    if (f.result && f.result.details.kind !== "code-ranking") expect(text).toContain(f.result.display);
    for (const e of f.evidence) {
      expect(text).toContain(e.quote);
      expect(text).toContain(`Interview ${e.documentTitle}`);
      if (e.speaker) expect(text).toContain(e.speaker);
    }
  }
  // No links back to the server, and no analyst named unless asked.
  expect(text).not.toMatch(/https?:\/\/|localhost|\/projects\//);
  for (const name of [ana.name, ben.name, owner.name]) expect(text).not.toContain(name);
}

describe("the findings report as a reader gets it (demo study)", () => {
  it("the .docx carries the title page, the methods with each analyst's interviews, every finding with its figure and quotes; no analyst names, no links", async () => {
    const printed = await getPrintedReport(projectId, ANY, OPERATOR_SCOPE, { showCoders: false, now: NOW });
    expect(printed.report.findings.length).toBeGreaterThanOrEqual(14);
    expect(printed.report.findings.some((f) => f.evidence.length > 0)).toBe(true);
    const bytes = await findingsToDocx(printed);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const text = docxText(bytes);
    expectReaderReport(text, printed);
    expect(text).toContain("A demo study: 32 interviews");
    // Methods: "Analyst 1" is Ana (names sorted), with the interviews she coded, counted independently.
    expect(text).toContain(`Analyst 1 coded ${await interviewsCodedBy(ana.id)} interviews`);
    expect(text).toContain(`Analyst 2 coded ${await interviewsCodedBy(ben.id)} interviews`);
    // The demo's analysts marked nothing done: an owner's report gives agreement over every
    // interview both coded and says so (as the agreement page lets an owner), never as 100%.
    expect(text).toMatch(/Krippendorff's alpha \(nominal, segment level: speaker turns\) was [0-9.]+/);
    expect(text).toContain("No interview is marked done yet, so these figures are over every interview the analysts have all coded");
    // Evidence is placed in its speaker turn.
    const quoted = printed.report.findings.flatMap((f) => f.evidence);
    expect(quoted.every((e) => e.speaker !== null && e.turn !== null && e.coderName === "")).toBe(true);
    // The ranking finding's codes are written out as a table.
    const ranking = printed.report.findings.find((f) => f.result?.details.kind === "code-ranking")!;
    if (ranking.result?.details.kind !== "code-ranking") throw new Error("no ranking finding");
    for (const c of ranking.result.details.ranking) expect(text).toContain(c.name);
  });

  it("the Markdown says the same, with readable attribute labels instead of raw keys", async () => {
    const printed = await getPrintedReport(projectId, ANY, OPERATOR_SCOPE, { showCoders: false, now: NOW });
    const markdown = findingsToMarkdown(printed);
    expectReaderReport(markdown.replace(/\\([\\`[\]])/g, "$1").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"), printed);
    expect(markdown).toMatch(/^# /);
    expect(markdown).toContain("## Methods");
    expect(markdown).toContain("TensorFlow-only projects ÷ Projects");
    expect(markdown).not.toMatch(/\btf_only\b|\bno_tf\b/);
  });

  it("names the analysts only when the reader asks", async () => {
    const printed = await getPrintedReport(projectId, ANY, OPERATOR_SCOPE, { showCoders: true, now: NOW });
    const markdown = findingsToMarkdown(printed);
    expect(markdown).toContain(`${ana.name} coded ${await interviewsCodedBy(ana.id)} interviews`);
    const coders = new Set(printed.report.findings.flatMap((f) => f.evidence.map((e) => e.coderName)));
    for (const name of coders) expect(markdown).toContain(`coded by ${name}`);
    expect(docxText(await findingsToDocx(printed))).toContain(ana.name);
  });

  it("states agreement with the agreement page's pooled wording once analysts marked interviews done", async () => {
    const documents = await prisma.document.findMany({ where: { projectId }, orderBy: { position: "asc" }, take: 12, select: { id: true } });
    const copy = await prisma.$transaction(async (tx) => {
      await tx.assignment.createMany({ data: documents.flatMap((d) => [ana, ben].map((u) => ({ projectId, documentId: d.id, userId: u.id, assignedById: owner.id, doneAt: NOW }))) });
      return documents.length;
    });
    try {
      const printed = await getPrintedReport(projectId, ANY, OPERATOR_SCOPE, { showCoders: false, now: NOW });
      const agreement = printed.methods.agreement;
      expect(agreement).toContain(`${copy} of 32 interviews`);
      expect(agreement).toMatch(/Krippendorff's alpha \(nominal, segment level/);
      expect(agreement).toMatch(/overall/);
      expect(agreement).toMatch(/Analyst 1, Analyst 2/);
      expect(agreement).not.toContain(ana.name);
      expect(docxText(await findingsToDocx(printed))).toContain(agreement);
    } finally {
      await prisma.assignment.deleteMany({ where: { projectId } });
    }
  });

  it("a blind analyst's report shows only their own codings: their quotes, and themselves in the methods", async () => {
    await prisma.project.update({ where: { id: projectId }, data: { blindCoding: true } });
    try {
      const scope = await readScope(projectId, { id: ana.id, role: "analyst" });
      const printed = await getPrintedReport(projectId, { kind: "coder", coderId: ana.id }, scope, { showCoders: true, now: NOW });
      expect(printed.methods.coders.map((c) => c.label)).toEqual([ana.name]);
      expect(printed.report.findings.flatMap((f) => f.evidence).every((e) => e.coderId === ana.id)).toBe(true);
      const text = docxText(await findingsToDocx(printed)) + findingsToMarkdown(printed);
      expect(text).not.toContain(ben.name);
      expect(printed.methods.agreement).toContain("not computed");
    } finally {
      await prisma.project.update({ where: { id: projectId }, data: { blindCoding: false } });
    }
  });
});
