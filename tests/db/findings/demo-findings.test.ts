import { beforeAll, describe, expect, it } from "vitest";
import { OPERATOR_SCOPE } from "../../../lib/rigour/blind";
import { referenceThemeFigures } from "../../../lib/analysis/reference";
import { loadDemoStudy, loadDemoStudyCopy } from "../../../lib/demo";
import { type DemoData, readDemoData } from "../../../lib/demo/files";
import { getFindingsReport } from "../../../lib/findings/data";
import { useTestDatabase } from "../helpers/test-database";
import { loadRows } from "../analysis/rows";

const { prisma } = await useTestDatabase();

let projectId: string;
let data: DemoData;
let analystA: string;
let analystB: string;
beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
  data = await readDemoData();
  analystA = (await prisma.user.findUniqueOrThrow({ where: { email: "analyst-a@demo.grounded.test" } })).id;
  analystB = (await prisma.user.findUniqueOrThrow({ where: { email: "analyst-b@demo.grounded.test" } })).id;
});

/** The independent computation: sums read straight from cases.csv. */
const sum = (...columns: string[]) => data.cases.reduce((n, c) => n + columns.reduce((m, col) => m + Number(c.row[col]), 0), 0);

/** Interviews whose coding file has the code, by anyone: straight from data/demo/coding. */
const interviewsWith = (code: string) => data.cases.filter((c) => c.codings.some((k) => k.code === code)).length;

describe("the demo report's findings", () => {
  it("ships the report's statements in order, with figures computed from the data and compared with what the report states", async () => {
    const report = await getFindingsReport(projectId, { kind: "any" }, OPERATOR_SCOPE);
    const rows = report.findings.map((f) => [f.result?.numerator, f.result?.denominator, f.result?.display, f.comparison?.mismatch ?? null]);
    expect(rows.slice(0, 8)).toEqual([
      [sum("tf_only"), sum("projects"), "36%", false],
      [sum("tf_plus"), sum("projects"), "43%", false],
      [sum("no_tf"), sum("projects"), "21%", false],
      [sum("tf_only", "tf_plus"), sum("projects"), "79%", false],
      [sum("tf_only_on_premise", "tf_plus_on_premise", "no_tf_on_premise"), sum("projects"), "9%", false],
      [sum("tf_only_aws"), sum("tf_only"), "88%", false],
      [sum("tf_plus_aws"), sum("tf_plus"), "80%", false],
      [sum("tf_only_aws", "tf_plus_aws"), sum("tf_only", "tf_plus"), "84%", true],
    ]);
    // The published figures, as numbers: 140, 167, 81 and 35 of 388; 123 of 140; 134 of 167; 257 of 307.
    expect(report.findings.slice(0, 8).map((f) => f.result?.fraction)).toEqual([
      "140 of 388",
      "167 of 388",
      "81 of 388",
      "307 of 388",
      "35 of 388",
      "123 of 140",
      "134 of 167",
      "257 of 307",
    ]);
  });

  it("flags only 'nine out of ten' (83.7% is outside [85%, 95%)), and reads 'fewer than 10 percent' as a bound", async () => {
    const report = await getFindingsReport(projectId, { kind: "any" }, OPERATOR_SCOPE);
    const nine = report.findings.find((f) => f.statement.startsWith("Nine out of ten"))!;
    expect(nine.comparison).toMatchObject({ stated: 0.9, precision: 0.1, statedDisplay: "90%", computedDisplay: "83.7%", mismatch: true });
    expect(nine.comparison!.agrees.low).toBeCloseTo(0.85, 12);
    expect(nine.comparison!.agrees.high).toBeCloseTo(0.95, 12);
    const premise = report.findings.find((f) => f.statement.startsWith("Fewer than 10 percent"))!;
    expect(premise.comparison).toMatchObject({ relation: "lessThan", statedDisplay: "< 10%", computedDisplay: "9.0%", mismatch: false });
    const fourOfFive = report.findings.find((f) => f.statement.startsWith("Roughly four out of five"))!;
    expect(fourOfFive.comparison).toMatchObject({ stated: 0.8, precision: 0.2, computedDisplay: "79.1%", mismatch: false });
    expect(report.findings.filter((f) => f.comparison?.mismatch)).toHaveLength(1);
    // Ratios of case attributes do not depend on whose coding counts.
    expect(nine.result?.selectionLabel).toBeNull();
  });

  it("gives each of the five reasons its interview coverage and three of analyst A's codings, the report's quotations first", async () => {
    const report = await getFindingsReport(projectId, { kind: "any" }, OPERATOR_SCOPE);
    const reasons = report.findings.filter((f) => f.figure?.kind === "interview-share");
    expect(reasons.map((f) => f.result?.details.kind === "interview-share" && f.result.details.code?.name)).toEqual([
      "Breadth of capabilities",
      "Cost versus value",
      "Amazon relationship",
      "Compute locality",
      "Peer community and resources",
    ]);
    const keys = ["breadth", "cost", "relationship", "locality", "community"];
    reasons.forEach((finding, i) => {
      expect(finding.result).toMatchObject({ numerator: interviewsWith(keys[i]), denominator: 32, selectionLabel: "Any analyst (union of all codings)" });
      expect(finding.evidence).toHaveLength(3);
      for (const pin of finding.evidence) {
        expect(pin.coderId).toBe(analystA);
        expect(pin.codeName).toBe(finding.result?.details.kind === "interview-share" && finding.result.details.code?.name);
      }
      const quotations = data.quotes.filter((q) => q.theme === keys[i]).slice(0, 3);
      quotations.forEach((q, j) => {
        expect(finding.evidence[j].caseName).toBe(q.case);
        expect(finding.evidence[j].quote).toContain(q.parts[0]);
      });
    });
  });

  it("ranks the reasons for choosing AWS by interview coverage, as the plain computation does", async () => {
    const report = await getFindingsReport(projectId, { kind: "any" }, OPERATOR_SCOPE);
    const ranking = report.findings.find((f) => f.figure?.kind === "code-ranking")!;
    if (ranking.result?.details.kind !== "code-ranking") throw new Error("not a ranking");
    const reference = referenceThemeFigures(await loadRows(prisma, projectId), { kind: "any" }, null);
    for (const r of ranking.result.details.ranking) {
      expect([r.interviews, r.rank]).toEqual([reference.get(r.codeId)!.interviews, reference.get(r.codeId)!.siblingRank]);
    }
    expect(ranking.result.details.ranking).toHaveLength(5);
    expect(ranking.comparison).toBeNull();
  });

  it("computes coverage under the coder selection: agreed passages never exceed either analyst's", async () => {
    const any = await getFindingsReport(projectId, { kind: "any" }, OPERATOR_SCOPE);
    const agreed = await getFindingsReport(projectId, { kind: "agreed", coderIds: [analystA, analystB] }, OPERATOR_SCOPE);
    expect(agreed.selectionLabel).toMatch(/^Agreed by Ana Analyst \(A\) and Ben Analyst \(B\)/);
    any.findings.forEach((f, i) => {
      if (f.figure?.kind === "interview-share") expect(agreed.findings[i].result!.numerator!).toBeLessThanOrEqual(f.result!.numerator!);
      if (f.figure?.kind === "attribute-ratio") expect(agreed.findings[i].result!.value).toBe(f.result!.value);
    });
  });

  it("moves when the codings do: deleting a theme's codings in an interview lowers its coverage on the next read", async () => {
    const { projectId: copy } = await loadDemoStudyCopy(prisma);
    const before = (await getFindingsReport(copy, { kind: "any" }, OPERATOR_SCOPE)).findings.find((f) => f.statement.startsWith("Compute locality"))!;
    const code = await prisma.code.findFirstOrThrow({ where: { projectId: copy, name: "Compute locality" } });
    const one = await prisma.coding.findFirstOrThrow({ where: { codeId: code.id }, orderBy: { document: { position: "asc" } } });
    await prisma.coding.deleteMany({ where: { codeId: code.id, documentId: one.documentId } });
    const after = (await getFindingsReport(copy, { kind: "any" }, OPERATOR_SCOPE)).findings.find((f) => f.statement.startsWith("Compute locality"))!;
    expect(after.result!.numerator).toBe(before.result!.numerator! - 1);
    // A pinned coding that is deleted leaves the finding's evidence with it.
    expect(after.evidence.length).toBeLessThanOrEqual(before.evidence.length);
  });

  it("loads with the study, once: a second load adds nothing, a copy brings its own findings", async () => {
    const count = await prisma.finding.count({ where: { projectId } });
    expect(count).toBe(14);
    expect(await loadDemoStudy(prisma)).toEqual({ projectId, created: false });
    expect(await prisma.finding.count({ where: { projectId } })).toBe(14);
    const { projectId: copy } = await loadDemoStudyCopy(prisma);
    expect(await prisma.finding.count({ where: { projectId: copy } })).toBe(14);
    const pinned = await prisma.findingEvidence.findMany({ where: { finding: { projectId: copy } }, select: { coding: { select: { projectId: true } } } });
    expect(pinned.length).toBe(15);
    expect(pinned.every((p) => p.coding.projectId === copy)).toBe(true);
  });
});
