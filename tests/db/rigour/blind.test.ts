import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { decide } from "../../../lib/rigour/adjudication";
import { getAgreement } from "../../../lib/rigour/agreement";
import { visibleCoderIds } from "../../../lib/rigour/blind";
import { consensusCodings } from "../../../lib/rigour/consensus";
import { getQueue } from "../../../lib/rigour/data";
import { getDecisionLog, getDisagreements } from "../../../lib/rigour/disagreement-data";
import { runAgreementExport } from "../../../lib/rigour/export";
import { decideSchema } from "../../../lib/rigour/schema";
import { useTestDatabase } from "../helpers/test-database";
import { as, code, teamWorld } from "../helpers/team-world";

const { prisma } = await useTestDatabase();

// Ben's passage that Ana never coded: its words, and the ids of Ben's codings, must never
// reach Ana while she is blind, whichever function she goes through.
const BENS_WORDS = "community around the tools";

async function blindWorld() {
  const w = await teamWorld(prisma);
  const anaCost = await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost of the cloud");
  const benCost = await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "The cost");
  const benCommunity = await code(prisma, w, w.ben, w.doc1.id, w.community.id, BENS_WORDS);
  const benDoc2 = await code(prisma, w, w.ben, w.doc2.id, w.community.id, BENS_WORDS);
  const anaDoc2 = await code(prisma, w, w.ana, w.doc2.id, w.cost.id, "The cost of the cloud");
  await prisma.assignment.createMany({
    data: [w.doc1, w.doc2].flatMap((d) => [w.ana, w.ben].map((u) => ({ projectId: w.project.id, documentId: d.id, userId: u.id, assignedById: w.olivia.id, doneAt: new Date() }))),
  });
  // The owner adjudicated in doc1 before anyone was blind.
  const decided = await runProjectAction(as(w.olivia), decideSchema, "owner", decide, {
    projectId: w.project.id,
    documentId: w.doc1.id,
    codeId: w.community.id,
    coderIds: [w.ana.id, w.ben.id],
    kind: "accept_b",
    sourceCodingIds: [benCommunity.id],
  });
  if (!decided.ok) throw new Error(decided.error.message);
  const bens = [benCost.id, benCommunity.id, benDoc2.id];
  return { ...w, anaCost, anaDoc2, bens };
}

const viewerOf = (u: { id: string }, role: "owner" | "analyst" | "viewer") => ({ id: u.id, role });

/** Everything an analyst could ask the rigour functions for, serialized. */
async function everythingSeenBy(w: Awaited<ReturnType<typeof blindWorld>>, who: { id: string; email: string; name: string }, role: "owner" | "analyst" | "viewer") {
  const viewer = viewerOf(who, role);
  const coderIds = [w.ana.id, w.ben.id];
  const seen: unknown[] = [];
  for (const unit of ["document", "segment", "span"] as const) seen.push(await getAgreement(w.project.id, { coderIds, unit, scope: "done" }, viewer));
  seen.push(await getDisagreements(w.project.id, { coderIds: [w.ana.id, w.ben.id], scope: "done", tolerance: 0 }, viewer));
  seen.push(await getDisagreements(w.project.id, { coderIds: [w.ben.id, w.ana.id], scope: "done", tolerance: 0, documentId: w.doc1.id }, viewer));
  seen.push(await getDecisionLog(w.project.id, viewer));
  seen.push(await consensusCodings(w.project.id, { viewer }));
  seen.push(await getQueue(w.project.id, who.id));
  for (const format of ["csv", "txt"] as const) {
    seen.push(await runAgreementExport(as(who), { projectId: w.project.id, coderIds, unit: "segment", scope: "done", format }));
  }
  return JSON.stringify(seen);
}

describe("who sees whose codings", () => {
  it("follows the rule: blind analyst sees their own, blind viewer none, owner all; not blind: all", async () => {
    const w = await teamWorld(prisma);
    const check = async () => ({
      ana: await visibleCoderIds(w.project.id, w.doc1.id, viewerOf(w.ana, "analyst")),
      vic: await visibleCoderIds(w.project.id, w.doc1.id, viewerOf(w.vic, "viewer")),
      olivia: await visibleCoderIds(w.project.id, w.doc1.id, viewerOf(w.olivia, "owner")),
      anaDoc2: await visibleCoderIds(w.project.id, w.doc2.id, viewerOf(w.ana, "analyst")),
      anaProject: await visibleCoderIds(w.project.id, null, viewerOf(w.ana, "analyst")),
    });
    expect(await check()).toEqual({ ana: "all", vic: "all", olivia: "all", anaDoc2: "all", anaProject: "all" });
    await prisma.document.update({ where: { id: w.doc1.id }, data: { blindCoding: true } });
    // One blind document makes the project-wide answer blind (it cannot filter per document).
    expect(await check()).toEqual({ ana: [w.ana.id], vic: [], olivia: "all", anaDoc2: "all", anaProject: [w.ana.id] });
    await prisma.document.update({ where: { id: w.doc1.id }, data: { blindCoding: false } });
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    expect(await check()).toEqual({ ana: [w.ana.id], vic: [], olivia: "all", anaDoc2: [w.ana.id], anaProject: [w.ana.id] });
    await expect(visibleCoderIds(w.project.id, w.foreignDocument.id, viewerOf(w.ana, "analyst"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a blind analyst never receives another analyst's codings", () => {
  it("from any rigour function, while the project is blind", async () => {
    const w = await blindWorld();
    // Not blind yet: Ben's work shows (the check below would catch a leak).
    const open = await everythingSeenBy(w, w.ana, "analyst");
    expect(open).toContain(BENS_WORDS);
    expect(w.bens.some((id) => open.includes(id))).toBe(true);

    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    for (const [who, role] of [[w.ana, "analyst"], [w.vic, "viewer"]] as const) {
      const seen = await everythingSeenBy(w, who, role);
      expect(seen).not.toContain(BENS_WORDS);
      for (const id of w.bens) expect(seen).not.toContain(id);
    }
    // The figures themselves are withheld, and the page can say why.
    const table = await getAgreement(w.project.id, { coderIds: [w.ana.id, w.ben.id], unit: "segment", scope: "done" }, viewerOf(w.ana, "analyst"));
    expect(table.documents).toEqual([]);
    expect(table.hiddenByBlindMode).toBe(2);
    expect(table.overall.alpha).toEqual({ value: null, note: "no documents to compare" });
    // The owner still sees everything.
    const owners = await everythingSeenBy(w, w.olivia, "owner");
    expect(owners).toContain(BENS_WORDS);
  });

  it("from any rigour function, in a blind document, while other documents stay open", async () => {
    const w = await blindWorld();
    await prisma.document.update({ where: { id: w.doc1.id }, data: { blindCoding: true } });
    const seen = await everythingSeenBy(w, w.ana, "analyst");
    for (const id of w.bens.slice(0, 2)) expect(seen).not.toContain(id); // doc1's
    expect(seen).toContain(w.bens[2]); // doc2 is not blind
    const table = await getAgreement(w.project.id, { coderIds: [w.ana.id, w.ben.id], unit: "document", scope: "done" }, viewerOf(w.ana, "analyst"));
    expect(table.documents.map((d) => d.id)).toEqual([w.doc2.id]);
    expect(table.hiddenByBlindMode).toBe(1);
    expect(await consensusCodings(w.project.id, { viewer: viewerOf(w.ana, "analyst") })).toEqual([]);
    expect(await consensusCodings(w.project.id, { viewer: viewerOf(w.olivia, "owner") })).toHaveLength(1);
  });

  it("refuses a blind analyst's adjudication, which would copy the other's codings", async () => {
    const w = await blindWorld();
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    const result = await runProjectAction(as(w.ana), decideSchema, "analyst", decide, {
      projectId: w.project.id,
      documentId: w.doc2.id,
      codeId: w.community.id,
      coderIds: [w.ana.id, w.ben.id],
      kind: "accept_b",
      sourceCodingIds: [w.bens[2]],
    });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(JSON.stringify(result)).not.toContain(BENS_WORDS);
  });
});
