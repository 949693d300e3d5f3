import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { decide, undoDecision } from "../../../lib/rigour/adjudication";
import { consensusCodings } from "../../../lib/rigour/consensus";
import { getDisagreements } from "../../../lib/rigour/disagreement-data";
import { decideSchema, undoDecisionSchema } from "../../../lib/rigour/schema";
import { useTestDatabase } from "../helpers/test-database";
import { type User, as, code, teamWorld, span } from "../helpers/team-world";

const { prisma } = await useTestDatabase();

// As lib/rigour/actions.ts: adjudication is for members who code; blind rules inside.
const decideAs = (u: User, input: unknown) => runProjectAction(as(u), decideSchema, "analyst", decide, input);
const undoAs = (u: User, input: unknown) => runProjectAction(as(u), undoDecisionSchema, "analyst", undoDecision, input);

/** A passage both coded with Cost, boundaries far apart: Ana the whole sentence, Ben two words. */
async function disagreement() {
  const w = await teamWorld(prisma);
  const a = await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost of the cloud was the main thing.");
  const b = await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "The cost");
  const input = { projectId: w.project.id, documentId: w.doc1.id, codeId: w.cost.id, coderIds: [w.ana.id, w.ben.id], sourceCodingIds: [a.id, b.id] };
  return { ...w, a, b, input };
}

const consensusOf = (projectId: string) => prisma.consensusCoding.findMany({ where: { projectId }, orderBy: { start: "asc" } });

describe("adjudicating a disagreement", () => {
  it("accepts A: A's span goes to the consensus layer, with who, when, why and the source codings; audited", async () => {
    const w = await disagreement();
    const result = await decideAs(w.olivia, { ...w.input, kind: "accept_a", reason: "Ana's passage carries the reason." });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.decision).toMatchObject({ kind: "accept_a", decidedById: w.olivia.id, reason: "Ana's passage carries the reason.", undoneAt: null });
    expect(result.data.decision.sourceCodingIds.sort()).toEqual([w.a.id, w.b.id].sort());
    expect(result.data.consensus).toEqual([expect.objectContaining({ ...span("The cost of the cloud was the main thing."), quote: "The cost of the cloud was the main thing." })]);
    expect(await consensusOf(w.project.id)).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { projectId: w.project.id, action: "adjudication.decide" } })).toBe(1);
    expect(await consensusCodings(w.project.id)).toEqual([
      { id: result.data.consensus[0].id, documentId: w.doc1.id, codeId: w.cost.id, ...span("The cost of the cloud was the main thing."), quote: "The cost of the cloud was the main thing." },
    ]);
  });

  it("accepts B, both, merges boundaries, writes a new span, or rejects", async () => {
    const cases = [
      { kind: "accept_b", expected: [span("The cost")] },
      { kind: "accept_both", expected: [span("The cost"), span("The cost of the cloud was the main thing.")] },
      { kind: "merge", expected: [span("The cost of the cloud was the main thing.")] },
      { kind: "custom", extra: span("cost of the cloud"), expected: [span("cost of the cloud")] },
      { kind: "reject", expected: [] },
    ];
    for (const c of cases) {
      const w = await disagreement();
      const result = await decideAs(w.olivia, { ...w.input, kind: c.kind, ...c.extra });
      expect(result, c.kind).toMatchObject({ ok: true });
      const rows = await consensusOf(w.project.id);
      expect(rows.map((r) => ({ start: r.start, end: r.end })).sort((x, y) => x.start - y.start || x.end - y.end), c.kind).toEqual(c.expected);
    }
  });

  it("refuses to decide a passage twice until the decision is undone", async () => {
    const w = await disagreement();
    expect(await decideAs(w.olivia, { ...w.input, kind: "accept_a" })).toMatchObject({ ok: true });
    expect(await decideAs(w.ana, { ...w.input, kind: "accept_b", sourceCodingIds: [w.b.id] })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await consensusOf(w.project.id)).toHaveLength(1);
  });

  it("undoes a decision: marks it undone, deletes its consensus rows, audits; a second undo is refused", async () => {
    const w = await disagreement();
    const decided = await decideAs(w.olivia, { ...w.input, kind: "accept_both" });
    if (!decided.ok) throw new Error(decided.error.message);
    const id = decided.data.decision.id;
    expect(await consensusOf(w.project.id)).toHaveLength(2);
    expect(await undoAs(w.olivia, { projectId: w.project.id, decisionId: id, reason: "Wrong passage." })).toMatchObject({ ok: true, data: { removed: 2 } });
    const decision = await prisma.adjudicationDecision.findUniqueOrThrow({ where: { id } });
    expect(decision.undoneAt).toBeInstanceOf(Date);
    expect(decision.undoneById).toBe(w.olivia.id);
    expect(await consensusOf(w.project.id)).toHaveLength(0);
    expect(await consensusCodings(w.project.id)).toEqual([]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: w.project.id, action: "adjudication.undo" } });
    expect(event.before).toMatchObject({ consensus: [expect.any(Object), expect.any(Object)] });
    expect(await undoAs(w.olivia, { projectId: w.project.id, decisionId: id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // The passage is open again.
    expect(await decideAs(w.olivia, { ...w.input, kind: "accept_b" })).toMatchObject({ ok: true });
  });

  it("refuses viewers, outsiders, and ids of another project", async () => {
    const w = await disagreement();
    const input = { ...w.input, kind: "accept_a" };
    expect(await decideAs(w.vic, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await decideAs(w.otto, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await decideAs(w.olivia, { ...input, documentId: w.foreignDocument.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await decideAs(w.olivia, { ...input, codeId: w.foreignCode.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await decideAs(w.olivia, { ...input, coderIds: [w.ana.id, w.otto.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const foreign = await prisma.coding.create({
      data: { projectId: w.other.id, documentId: w.foreignDocument.id, codeId: w.foreignCode.id, coderId: w.otto.id, ...span("The cost"), quote: "The cost" },
    });
    expect(await decideAs(w.olivia, { ...input, sourceCodingIds: [w.a.id, foreign.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // Otto cannot adjudicate this project's passage through his own project either.
    expect(await decideAs(w.otto, { ...input, projectId: w.other.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await consensusOf(w.project.id)).toHaveLength(0);
    expect(await prisma.adjudicationDecision.count({ where: { projectId: { in: [w.project.id, w.other.id] } } })).toBe(0);

    const decided = await decideAs(w.olivia, input);
    if (!decided.ok) throw new Error(decided.error.message);
    const undo = { projectId: w.project.id, decisionId: decided.data.decision.id };
    expect(await undoAs(w.vic, undo)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await undoAs(w.otto, undo)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await undoAs(w.otto, { ...undo, projectId: w.other.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await consensusOf(w.project.id)).toHaveLength(1);
  });

  it("refuses malformed input: codings of another passage, spans outside the text, a custom span without bounds", async () => {
    const w = await disagreement();
    const other = await code(prisma, w, w.ana, w.doc1.id, w.community.id, "community");
    expect(await decideAs(w.olivia, { ...w.input, kind: "accept_a", sourceCodingIds: [w.a.id, other.id] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await decideAs(w.olivia, { ...w.input, kind: "custom" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await decideAs(w.olivia, { ...w.input, kind: "custom", start: 5, end: 5000 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await decideAs(w.olivia, { ...w.input, kind: "custom", start: 9, end: 3 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await decideAs(w.olivia, { ...w.input, kind: "accept_c" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await decideAs(w.olivia, { ...w.input, kind: "accept_a", sourceCodingIds: [] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await consensusOf(w.project.id)).toHaveLength(0);
  });

  it("lets an analyst adjudicate a revealed document, but not a blind one", async () => {
    const w = await disagreement();
    await prisma.document.update({ where: { id: w.doc1.id }, data: { blindCoding: true } });
    expect(await decideAs(w.ana, { ...w.input, kind: "accept_a" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const decided = await decideAs(w.olivia, { ...w.input, kind: "accept_a" });
    if (!decided.ok) throw new Error(decided.error.message);
    expect(await undoAs(w.ana, { projectId: w.project.id, decisionId: decided.data.decision.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await prisma.document.update({ where: { id: w.doc1.id }, data: { blindCoding: false } });
    expect(await undoAs(w.ana, { projectId: w.project.id, decisionId: decided.data.decision.id })).toMatchObject({ ok: true });
    expect(await decideAs(w.ana, { ...w.input, kind: "merge" })).toMatchObject({ ok: true, data: { decision: { decidedById: w.ana.id } } });
  });

  it("shows each disagreement with its live decision, and open again after undo", async () => {
    const w = await disagreement();
    await code(prisma, w, w.ben, w.doc1.id, w.community.id, "community around the tools");
    const query = { coderIds: [w.ana.id, w.ben.id] as [string, string], scope: "coded" as const, tolerance: 5 };
    const owner = { id: w.olivia.id, role: "owner" as const };
    const before = await getDisagreements(w.project.id, query, owner);
    expect(before.items.map((i) => [i.kind, i.codeId])).toEqual([
      ["boundaries", w.cost.id],
      ["only-b", w.community.id],
    ]);
    expect(before.items[0].excerpt.text).toContain("The cost of the cloud");
    const decided = await decideAs(w.olivia, { ...w.input, kind: "accept_a" });
    if (!decided.ok) throw new Error(decided.error.message);
    const after = await getDisagreements(w.project.id, query, owner);
    expect(after.counts).toEqual({ open: 1, decided: 1 });
    expect(after.items[0].decision).toMatchObject({ kind: "accept_a", decidedBy: "Olivia", stale: false });
    expect((await getDisagreements(w.project.id, query, owner, { status: "open" })).items.map((i) => i.codeId)).toEqual([w.community.id]);
    await undoAs(w.olivia, { projectId: w.project.id, decisionId: decided.data.decision.id });
    expect((await getDisagreements(w.project.id, query, owner)).counts).toEqual({ open: 2, decided: 0 });
  });
});
