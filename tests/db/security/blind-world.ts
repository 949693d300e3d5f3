import { unzipSync } from "fflate";
import { runProjectAction } from "../../../lib/auth/project-access";
import type { Db } from "../../../lib/db/client";
import { refiGuid } from "../../../lib/interop/refi/guid";
import { decide } from "../../../lib/rigour/adjudication";
import { decideSchema } from "../../../lib/rigour/schema";
import { as, code, teamWorld } from "../helpers/team-world";

/**
 * A blind project where Ben's work is what must never reach Ana (a blind analyst) or Vic (a
 * viewer): his codings' ids, his memos, his name and e-mail, his job. Every marker is a string
 * that appears nowhere else, so finding one in an answer is a leak.
 */
export async function blindWorld(prisma: Db) {
  const w = await teamWorld(prisma);
  const ben = await prisma.user.update({ where: { id: w.ben.id }, data: { name: "Benedikt Hiddenfeld", email: `hiddenfeld-${w.ben.id}@blind.example` } });
  const benCost = await code(prisma, w, ben, w.doc1.id, w.cost.id, "The cost");
  const benCommunity = await code(prisma, w, ben, w.doc1.id, w.community.id, "community around the tools");
  await prisma.coding.update({ where: { id: benCommunity.id }, data: { memo: "BEN-SECRET-CODING-MEMO" } });
  const anaCost = await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost of the cloud");
  await prisma.memo.createMany({
    data: [
      { projectId: w.project.id, authorId: ben.id, codingId: benCost.id, body: "BEN-SECRET-NOTE" },
      { projectId: w.project.id, authorId: ben.id, documentId: w.doc1.id, body: "BEN-SECRET-DOCUMENT-NOTE" },
    ],
  });
  await prisma.assignment.createMany({
    data: [w.ana, ben].map((u) => ({ projectId: w.project.id, documentId: w.doc1.id, userId: u.id, assignedById: w.olivia.id, doneAt: new Date() })),
  });
  // Before anyone was blind: the owner adjudicated Ben's passage and pinned both analysts'
  // codings to a finding, and Ben starred his own.
  const decided = await runProjectAction(as(w.olivia), decideSchema, "owner", decide, {
    projectId: w.project.id,
    documentId: w.doc1.id,
    codeId: w.community.id,
    coderIds: [w.ana.id, ben.id],
    kind: "accept_b",
    sourceCodingIds: [benCommunity.id],
  });
  if (!decided.ok) throw new Error(decided.error.message);
  const finding = await prisma.finding.create({
    data: {
      projectId: w.project.id,
      statement: "Cost comes up",
      createdById: w.olivia.id,
      evidence: { create: [{ codingId: benCost.id, position: 0 }, { codingId: anaCost.id, position: 1 }] },
    },
  });
  await prisma.representativeQuote.create({ data: { codingId: benCost.id, projectId: w.project.id, starredById: ben.id } });
  const benJob = await prisma.backgroundJob.create({
    data: { userId: ben.id, projectId: w.project.id, kind: "transcripts.import", label: "BEN-SECRET-JOB", total: 1, status: "succeeded", done: 1, result: { message: "BEN-SECRET-JOB-RESULT" } },
  });
  await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });

  const benSession = await prisma.userSession.create({ data: { userId: ben.id, userAgent: "BEN-SECRET-BROWSER" } });

  const hiddenCodingIds = [benCost.id, benCommunity.id];
  // Exports name codings by REFI-QDA GUIDs derived from their ids: those are markers too.
  const exported = hiddenCodingIds.flatMap((id) => [refiGuid("coding", id), refiGuid("selection", id)]);
  const markers = [...hiddenCodingIds, ...exported, "BEN-SECRET", "Hiddenfeld", ben.email, benJob.id, decided.data.decision.id, benSession.id];
  return { ...w, ben, benCost, benCommunity, anaCost, finding, benJob, benSession, decisionId: decided.data.decision.id, hiddenCodingIds, markers };
}

export type BlindWorld = Awaited<ReturnType<typeof blindWorld>>;

/** An answer as text a person could read: JSON, a Response's body, and every file inside a zip (.qdpx, .xlsx). */
export async function readable(answer: unknown): Promise<string> {
  if (!(answer instanceof Response)) return JSON.stringify(answer ?? null);
  const bytes = new Uint8Array(await answer.arrayBuffer());
  const head = `${answer.status} ${JSON.stringify(Object.fromEntries(answer.headers))}\n`;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const files = unzipSync(bytes);
    return head + Object.entries(files).map(([name, data]) => `${name}\n${new TextDecoder().decode(data)}`).join("\n");
  }
  return head + new TextDecoder().decode(bytes);
}
