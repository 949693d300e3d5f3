import { describe, expect, it } from "vitest";
import { OPERATOR_SCOPE } from "../../../lib/rigour/blind";
import { getCoOccurrence, getCrosstab } from "../../../lib/analysis/breakdowns-data";
import type { CoderSelection } from "../../../lib/analysis/coder-selection";
import { consensusDecisionCount, getThemeSummaries, interviewCoverage, themeFigures } from "../../../lib/analysis/data";
import { pageSelection } from "../../../lib/analysis/page-selection";
import { getCellQuotes } from "../../../lib/analysis/quotes-data";
import { referenceCoOccurrence, referenceCrosstab, referenceThemeFigures } from "../../../lib/analysis/reference";
import { runProjectAction } from "../../../lib/auth/project-access";
import { getFindingsReport } from "../../../lib/findings/data";
import { decide, undoDecision } from "../../../lib/rigour/adjudication";
import { decideSchema, undoDecisionSchema } from "../../../lib/rigour/schema";
import { useTestDatabase } from "../helpers/test-database";
import { type User, as, code, span, teamWorld } from "../helpers/team-world";
import { loadRows } from "./rows";

const { prisma } = await useTestDatabase();

const CONSENSUS: CoderSelection = { kind: "consensus" };

/**
 * The team project with a theme over both codes, a case per document (sector a / b), both
 * analysts' codings, and three decisions by the owner:
 *   doc1 Cost      accept both: "The cost" and the whole sentence, which overlap (one passage)
 *   doc1 Community a new span, "the community", which no analyst coded
 *   doc2 Cost      merge: from "The cost" to "main thing." (one passage)
 */
async function world() {
  const w = await teamWorld(prisma);
  const projectId = w.project.id;
  const theme = await prisma.code.create({ data: { projectId, name: "Why this cloud" } });
  await prisma.code.updateMany({ where: { id: { in: [w.cost.id, w.community.id] } }, data: { parentId: theme.id } });
  const sector = await prisma.attributeDefinition.create({ data: { projectId, name: "sector", type: "category", categories: ["a", "b"] } });
  for (const [doc, value] of [[w.doc1, "a"], [w.doc2, "b"]] as const) {
    const kase = await prisma.case.create({ data: { projectId, name: `case ${value}` } });
    await prisma.attributeValue.create({ data: { projectId, caseId: kase.id, attributeId: sector.id, textValue: value } });
    await prisma.document.update({ where: { id: doc.id }, data: { caseId: kase.id } });
  }
  const anaCost1 = await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost of the cloud was the main thing.");
  const benCost1 = await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "The cost");
  const benCommunity1 = await code(prisma, w, w.ben, w.doc1.id, w.community.id, "community around the tools");
  await code(prisma, w, w.ana, w.doc1.id, w.community.id, "We liked the community");
  const anaCost2 = await code(prisma, w, w.ana, w.doc2.id, w.cost.id, "The cost of the cloud");
  const benCost2 = await code(prisma, w, w.ben, w.doc2.id, w.cost.id, "cloud was the main thing.");
  const coderIds = [w.ana.id, w.ben.id];
  const decideAs = async (u: User, input: Record<string, unknown>) => {
    const result = await runProjectAction(as(u), decideSchema, "analyst", decide, { projectId, coderIds, reason: "", ...input });
    if (!result.ok) throw new Error(result.error.message);
    return result.data.decision;
  };
  const both1 = await decideAs(w.olivia, { documentId: w.doc1.id, codeId: w.cost.id, kind: "accept_both", sourceCodingIds: [anaCost1.id, benCost1.id], reason: "Both right." });
  const custom1 = await decideAs(w.olivia, { documentId: w.doc1.id, codeId: w.community.id, kind: "custom", sourceCodingIds: [benCommunity1.id], ...span("the community") });
  const merge2 = await decideAs(w.olivia, { documentId: w.doc2.id, codeId: w.cost.id, kind: "merge", sourceCodingIds: [anaCost2.id, benCost2.id] });
  const finding = await prisma.finding.create({
    data: { projectId, statement: "Cost comes up everywhere.", figure: { kind: "interview-share", codeId: w.cost.id, filter: [] }, createdById: w.olivia.id },
  });
  return { ...w, projectId, theme, sector, both1, custom1, merge2, finding };
}

type World = Awaited<ReturnType<typeof world>>;

/** Every consensus figure held against the reference computed from the ConsensusCoding rows. */
async function expectEqualToReference(w: World) {
  const rows = await loadRows(prisma, w.projectId);
  expect(Object.fromEntries(await themeFigures(w.projectId, CONSENSUS, null))).toEqual(Object.fromEntries(referenceThemeFigures(rows, CONSENSUS, null)));
  expect((await getCoOccurrence(w.projectId, CONSENSUS)).cells).toEqual(referenceCoOccurrence(rows, CONSENSUS));
  const table = await getCrosstab(w.projectId, CONSENSUS, w.sector.id);
  const reference = referenceCrosstab(rows, CONSENSUS, w.sector.id);
  for (const row of table.rows) for (const cell of row.cells) expect(cell.cases).toBe(reference.get(row.codeId)!.get(cell.category) ?? 0);
  return rows;
}

describe("the consensus selection: what adjudication decided counts", () => {
  it("computes summaries, crosstab and co-occurrence from the consensus layer, equal to a plain computation from its rows", async () => {
    const w = await world();
    const rows = await expectEqualToReference(w);
    expect(rows.consensus).toHaveLength(4); // accept both: 2 spans; custom: 1; merge: 1

    const summary = await getThemeSummaries(w.projectId, CONSENSUS, "all");
    expect(summary.selectionLabel).toBe("Consensus coding (adjudicated)");
    const row = (id: string) => summary.rows.find((r) => r.codeId === id)!;
    // Cost: the two overlapping accepted spans are one passage in doc1, the merged span one in doc2.
    expect(row(w.cost.id)).toMatchObject({ passages: 2, ownPassages: 2, interviews: 2, cases: 2 });
    expect(row(w.community.id)).toMatchObject({ passages: 1, interviews: 1, cases: 1 });
    expect(row(w.theme.id)).toMatchObject({ passages: 3, ownPassages: 0, interviews: 2, cases: 2 });
    // The per-analyst columns are still each analyst's own coding.
    expect(row(w.cost.id).byCoder.find((c) => c.coderId === w.ben.id)).toEqual({ coderId: w.ben.id, passages: 2, interviews: 2 });

    const cells = (await getCoOccurrence(w.projectId, CONSENSUS)).cells;
    expect(cells).toEqual([{ codeIds: [w.community.id, w.cost.id].sort(), interviews: 1, passages: 0 }]);
    const table = await getCrosstab(w.projectId, CONSENSUS, w.sector.id);
    expect(table.rows.find((r) => r.codeId === w.community.id)!.cells.map((c) => c.cases)).toEqual([1, 0]);
    expect(await consensusDecisionCount(w.projectId)).toBe(3);
  });

  it("lists the consensus spans behind a number, with the adjudicator and the decision's reason", async () => {
    const w = await world();
    const quotes = await getCellQuotes(w.projectId, CONSENSUS, { kind: "code", codeId: w.cost.id });
    expect(quotes.total).toBe(2);
    const first = quotes.quotes.find((q) => q.documentId === w.doc1.id)!;
    expect(first).toMatchObject({ ...span("The cost of the cloud was the main thing."), text: "The cost of the cloud was the main thing." });
    expect(first.codings.map((c) => [c.layer, c.coderId, c.coderName, c.quote, c.memo])).toEqual([
      ["consensus", w.olivia.id, "Olivia (consensus)", "The cost", "Both right."],
      ["consensus", w.olivia.id, "Olivia (consensus)", "The cost of the cloud was the main thing.", "Both right."],
    ]);
    // The new span no analyst coded is there; analysts' codings are not.
    const community = await getCellQuotes(w.projectId, CONSENSUS, { kind: "code", codeId: w.community.id });
    expect(community.quotes.map((q) => q.text)).toEqual(["the community"]);
  });

  it("computes findings under the consensus layer", async () => {
    const w = await world();
    const report = await getFindingsReport(w.projectId, CONSENSUS, OPERATOR_SCOPE);
    expect(report.selectionLabel).toBe("Consensus coding (adjudicated)");
    expect(report.findings[0].result).toMatchObject({ numerator: 2, denominator: 2, display: "100%", selectionLabel: "Consensus coding (adjudicated)" });
    expect((await interviewCoverage(w.projectId, CONSENSUS, [w.community.id, w.theme.id], null)).interviews).toEqual(
      new Map([
        [w.community.id, 1],
        [w.theme.id, 2],
      ]),
    );
  });

  it("drops an undone decision's spans from every figure on the next read", async () => {
    const w = await world();
    // Read first, so a remembered result would be the one to go stale.
    expect((await getThemeSummaries(w.projectId, CONSENSUS, "all")).rows.find((r) => r.codeId === w.cost.id)).toMatchObject({ passages: 2, interviews: 2 });
    expect((await getFindingsReport(w.projectId, CONSENSUS, OPERATOR_SCOPE)).findings[0].result?.display).toBe("100%");

    const undone = await runProjectAction(as(w.olivia), undoDecisionSchema, "analyst", undoDecision, { projectId: w.projectId, decisionId: w.merge2.id, reason: "Too wide." });
    expect(undone.ok).toBe(true);
    const summary = await getThemeSummaries(w.projectId, CONSENSUS, "all");
    expect(summary.rows.find((r) => r.codeId === w.cost.id)).toMatchObject({ passages: 1, interviews: 1, cases: 1 });
    expect(summary.rows.find((r) => r.codeId === w.theme.id)).toMatchObject({ passages: 2, interviews: 1 });
    expect((await getFindingsReport(w.projectId, CONSENSUS, OPERATOR_SCOPE)).findings[0].result).toMatchObject({ numerator: 1, denominator: 2, display: "50%" });
    expect((await getCellQuotes(w.projectId, CONSENSUS, { kind: "code", codeId: w.cost.id })).total).toBe(1);
    expect(await consensusDecisionCount(w.projectId)).toBe(2);
    await expectEqualToReference(w);

    // A decision marked undone whose rows are still there (the moment inside the undo) counts for nothing either.
    await prisma.adjudicationDecision.update({ where: { id: w.custom1.id }, data: { undoneAt: new Date(), undoneById: w.olivia.id } });
    expect((await themeFigures(w.projectId, CONSENSUS, null)).get(w.community.id)).toMatchObject({ passages: 0, interviews: 0 });
    expect((await getCellQuotes(w.projectId, CONSENSUS, { kind: "code", codeId: w.community.id })).total).toBe(0);
    await expectEqualToReference(w);
  });

  it("is empty, not an error, before any decision", async () => {
    const w = await teamWorld(prisma);
    await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost");
    const summary = await getThemeSummaries(w.project.id, CONSENSUS, "all");
    expect(summary.rows.map((r) => [r.passages, r.interviews])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(await consensusDecisionCount(w.project.id)).toBe(0);
  });
});

describe("the consensus selection under blind coding", () => {
  const viewer = (u: { id: string }, role: "owner" | "analyst" | "viewer") => ({ id: u.id, role });

  it("is withheld from a reader for whom blind mode hides other analysts' codings, as the other selections are", async () => {
    const w = await world();
    // Not blind: everyone may choose the consensus layer.
    expect(await pageSelection(w.projectId, viewer(w.ana, "analyst"), "consensus")).toEqual({ selection: CONSENSUS, hidden: false, forced: false, visibility: "all" });

    // One blind document is enough: the consensus spans there are copies of Ben's and Ana's codings.
    await prisma.document.update({ where: { id: w.doc2.id }, data: { blindCoding: true } });
    const ana = await pageSelection(w.projectId, viewer(w.ana, "analyst"), "consensus");
    expect(ana).toEqual({ selection: { kind: "coder", coderId: w.ana.id }, hidden: false, forced: true, visibility: [w.ana.id] });
    expect(await pageSelection(w.projectId, viewer(w.vic, "viewer"), "consensus")).toMatchObject({ hidden: true, forced: true, visibility: [] });
    expect(await pageSelection(w.projectId, viewer(w.olivia, "owner"), "consensus")).toEqual({ selection: CONSENSUS, hidden: false, forced: false, visibility: "all" });
    // What Ana is then shown has no consensus span in it: the new span only the owner wrote is absent.
    const quotes = await getCellQuotes(w.projectId, ana.selection, { kind: "code", codeId: w.community.id });
    expect(quotes.quotes.map((q) => q.text)).toEqual(["We liked the community"]);
    expect(quotes.quotes.flatMap((q) => q.codings.map((c) => c.layer))).toEqual(["coding"]);

    // The whole project blind: the same.
    await prisma.document.update({ where: { id: w.doc2.id }, data: { blindCoding: false } });
    await prisma.project.update({ where: { id: w.projectId }, data: { blindCoding: true } });
    expect((await pageSelection(w.projectId, viewer(w.ben, "analyst"), "consensus")).selection).toEqual({ kind: "coder", coderId: w.ben.id });

    // Revealed: the analyst may choose it again.
    await prisma.project.update({ where: { id: w.projectId }, data: { blindCoding: false } });
    expect((await pageSelection(w.projectId, viewer(w.ben, "analyst"), "consensus")).selection).toEqual(CONSENSUS);
  });
});
