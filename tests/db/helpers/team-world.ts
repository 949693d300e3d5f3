import type { Db } from "../../../lib/db/client";
import { makeCode, makeDocument, makeProject, makeUser } from "./factories";

export type User = { id: string; email: string; name: string };
export const as = (u: User) => ({ id: u.id, email: u.email, name: u.name });

// Two turns: "Ana:" speaks [5, 47), "Ben:" speaks [53, 96) (code points, labels excluded).
export const TEXT = "Ana: The cost of the cloud was the main thing.\n\nBen: We liked the community around the tools.";
export const cp = (needle: string, text = TEXT) => [...text.slice(0, text.indexOf(needle))].length;
export const span = (needle: string, text = TEXT) => ({ start: cp(needle, text), end: cp(needle, text) + [...needle].length });

/**
 * A team project (used by the rigour and stars tests) with an owner, two analysts, a viewer, two documents (with speaker turns) and two
 * codes; and another project, with its own owner, document and code, for NOT_FOUND checks.
 */
export async function teamWorld(prisma: Db) {
  const olivia = await makeUser(prisma, { name: "Olivia" });
  const ana = await makeUser(prisma, { name: "Ana" });
  const ben = await makeUser(prisma, { name: "Ben" });
  const vic = await makeUser(prisma, { name: "Vic" });
  const otto = await makeUser(prisma, { name: "Otto" });
  const project = await makeProject(prisma, [
    { userId: olivia.id, role: "owner" },
    { userId: ana.id, role: "analyst" },
    { userId: ben.id, role: "analyst" },
    { userId: vic.id, role: "viewer" },
  ]);
  const other = await makeProject(prisma, [{ userId: otto.id, role: "owner" }]);
  const doc1 = await makeDocument(prisma, project.id, TEXT);
  const doc2 = await makeDocument(prisma, project.id, TEXT);
  for (const d of [doc1, doc2]) {
    await prisma.speakerTurn.createMany({
      data: [
        { documentId: d.id, index: 0, speaker: "Ana", start: cp("The cost"), end: cp("\n\nBen") },
        { documentId: d.id, index: 1, speaker: "Ben", start: cp("We liked"), end: [...TEXT].length },
      ],
    });
  }
  const cost = await makeCode(prisma, project.id, "Cost");
  const community = await makeCode(prisma, project.id, "Community");
  const foreignDocument = await makeDocument(prisma, other.id, TEXT);
  const foreignCode = await makeCode(prisma, other.id, "Foreign");
  return { olivia, ana, ben, vic, otto, project, other, doc1, doc2, cost, community, foreignDocument, foreignCode };
}

export type TeamWorld = Awaited<ReturnType<typeof teamWorld>>;

/** Inserts a coding directly (the coding actions are tested elsewhere). */
export async function code(prisma: Db, w: TeamWorld, coder: User, documentId: string, codeId: string, needle: string) {
  const s = span(needle);
  return prisma.coding.create({ data: { projectId: w.project.id, documentId, codeId, coderId: coder.id, ...s, quote: needle } });
}
