import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { deleteCoding } from "../../../lib/codings/mutations";
import { deleteCodingSchema } from "../../../lib/codings/schema";
import { starredQuotes, starsOf } from "../../../lib/stars/data";
import { starQuote, unstarQuote } from "../../../lib/stars/mutations";
import { STAR_EDITOR } from "../../../lib/stars/permissions";
import { starSchema } from "../../../lib/stars/schema";
import { code, span, teamWorld } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const as = (u: User | null) => u && { id: u.id, email: u.email, name: u.name };
const star = (u: User | null, input: unknown) => runProjectAction(as(u), starSchema, STAR_EDITOR, starQuote, input);
const unstar = (u: User | null, input: unknown) => runProjectAction(as(u), starSchema, STAR_EDITOR, unstarQuote, input);

/** The team world (tests/db/helpers/team-world.ts) with each analyst's coding of "Cost" in one document, and one in another project. */
async function world() {
  const w = await teamWorld(prisma);
  const anas = await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost of the cloud");
  const bens = await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "The cost");
  const foreign = await prisma.coding.create({
    data: { projectId: w.other.id, documentId: w.foreignDocument.id, codeId: w.foreignCode.id, coderId: w.otto.id, ...span("The cost"), quote: "The cost" },
  });
  return { ...w, doc: w.doc1, anas, bens, foreign, projectId: w.project.id };
}

const starRows = (projectId: string) => prisma.representativeQuote.findMany({ where: { projectId }, orderBy: { codingId: "asc" } });
const auditRows = (projectId: string) =>
  prisma.auditEvent.findMany({ where: { projectId, entity: "RepresentativeQuote" }, orderBy: { createdAt: "asc" }, select: { action: true, entityId: true, actorId: true, before: true, after: true } });

describe("starring quotes", () => {
  it("lets an analyst star a coding for the whole team, recording who and when, audited in the same change", async () => {
    const w = await world();
    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.bens.id] })).toEqual({ ok: true, data: { starred: true, changed: [w.bens.id] } });
    const [row] = await starRows(w.projectId);
    expect(row).toMatchObject({ codingId: w.bens.id, projectId: w.projectId, starredById: w.ana.id, createdAt: expect.any(Date) });
    expect(await auditRows(w.projectId)).toEqual([
      { action: "quote.star", entityId: w.bens.id, actorId: w.ana.id, before: null, after: expect.objectContaining({ codingId: w.bens.id, starredById: w.ana.id }) },
    ]);
    // Everyone in the project reads the same star, whoever gave it.
    expect((await starsOf(w.projectId, [w.anas.id, w.bens.id])).get(w.bens.id)).toMatchObject({ starredBy: "Ana" });
    expect((await starsOf(w.projectId, [w.anas.id, w.bens.id])).has(w.anas.id)).toBe(false);
  });

  it("changes nothing when a coding is starred twice, by the same analyst or another member", async () => {
    const w = await world();
    await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] });
    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] })).toEqual({ ok: true, data: { starred: true, changed: [] } });
    expect(await star(w.olivia, { projectId: w.projectId, codingIds: [w.anas.id] })).toEqual({ ok: true, data: { starred: true, changed: [] } });
    expect(await starRows(w.projectId)).toEqual([expect.objectContaining({ codingId: w.anas.id, starredById: w.ana.id })]);
    expect(await auditRows(w.projectId)).toHaveLength(1);
    // Several at once: only the new one is starred and audited.
    expect(await star(w.ben, { projectId: w.projectId, codingIds: [w.anas.id, w.bens.id] })).toEqual({ ok: true, data: { starred: true, changed: [w.bens.id] } });
    expect((await auditRows(w.projectId)).map((a) => a.entityId)).toEqual([w.anas.id, w.bens.id]);
  });

  it("lets any owner or analyst unstar, audited with the star as it was; unstarring an unstarred coding is a no-op", async () => {
    const w = await world();
    await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] });
    await star(w.ben, { projectId: w.projectId, codingIds: [w.bens.id] });
    expect(await unstar(w.olivia, { projectId: w.projectId, codingIds: [w.anas.id, w.bens.id] })).toEqual({ ok: true, data: { starred: false, changed: [w.anas.id, w.bens.id].sort() } });
    expect(await starRows(w.projectId)).toEqual([]);
    const audit = await auditRows(w.projectId);
    expect(audit.slice(2)).toEqual(
      expect.arrayContaining([
        { action: "quote.unstar", entityId: w.anas.id, actorId: w.olivia.id, before: expect.objectContaining({ starredById: w.ana.id }), after: null },
        { action: "quote.unstar", entityId: w.bens.id, actorId: w.olivia.id, before: expect.objectContaining({ starredById: w.ben.id }), after: null },
      ]),
    );
    expect(await unstar(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] })).toEqual({ ok: true, data: { starred: false, changed: [] } });
    expect(await auditRows(w.projectId)).toHaveLength(4);
  });

  it("refuses viewers (FORBIDDEN), non-members (NOT_FOUND) and signed-out callers, changing nothing", async () => {
    const w = await world();
    await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] });
    const input = { projectId: w.projectId, codingIds: [w.bens.id] };
    expect(await star(w.vic, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await unstar(w.vic, { projectId: w.projectId, codingIds: [w.anas.id] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await star(w.otto, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await star(null, input)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect((await starRows(w.projectId)).map((r) => r.codingId)).toEqual([w.anas.id]);
    expect(await auditRows(w.projectId)).toHaveLength(1);
  });

  it("answers NOT_FOUND for another project's coding, alone or among the project's own, as for an id that does not exist", async () => {
    const w = await world();
    const missing = await star(w.ana, { projectId: w.projectId, codingIds: ["no-such-coding"] });
    expect(missing).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.foreign.id] })).toEqual(missing);
    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id, w.foreign.id] })).toEqual(missing);
    expect(await unstar(w.ana, { projectId: w.projectId, codingIds: [w.foreign.id] })).toEqual(missing);
    // Otto's own project, with Ana's coding id: the same answer.
    expect(await star(w.otto, { projectId: w.other.id, codingIds: [w.anas.id] })).toEqual(missing);
    expect(await prisma.representativeQuote.count({ where: { codingId: { in: [w.anas.id, w.foreign.id] } } })).toBe(0);
  });

  it("refuses malformed input before reading anything", async () => {
    const w = await world();
    for (const input of [{ projectId: w.projectId, codingIds: [] }, { projectId: w.projectId, codingIds: [w.anas.id, w.anas.id] }, { projectId: w.projectId }, { projectId: w.projectId, codingIds: w.anas.id }]) {
      expect(await star(w.ana, input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    }
    expect(await starRows(w.projectId)).toEqual([]);
  });

  it("refuses to star a passage of a deleted code, but lets an old star be removed", async () => {
    const w = await world();
    await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] });
    await prisma.code.update({ where: { id: w.cost.id }, data: { deletedAt: new Date() } });
    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.bens.id] })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/was deleted/) } });
    expect(await unstar(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] })).toMatchObject({ ok: true, data: { changed: [w.anas.id] } });
  });

  it("removes the star with its coding", async () => {
    const w = await world();
    await star(w.ben, { projectId: w.projectId, codingIds: [w.anas.id] });
    const deleted = await runProjectAction(as(w.ana), deleteCodingSchema, "analyst", deleteCoding, { projectId: w.projectId, codingId: w.anas.id, version: 1 });
    expect(deleted.ok).toBe(true);
    expect(await starRows(w.projectId)).toEqual([]);
    expect((await starsOf(w.projectId, [w.anas.id])).size).toBe(0);
  });
});

describe("stars under blind coding", () => {
  it("gives a blind analyst NOT_FOUND for a coding hidden from them, the same answer as another project's, while the owner may star it", async () => {
    const w = await world();
    await prisma.project.update({ where: { id: w.projectId }, data: { blindCoding: true } });
    const hidden = await star(w.ana, { projectId: w.projectId, codingIds: [w.bens.id] });
    expect(hidden).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.foreign.id] })).toEqual(hidden);
    // Her own coding together with Ben's: refused as a whole.
    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id, w.bens.id] })).toEqual(hidden);
    expect(await starRows(w.projectId)).toEqual([]);

    expect(await star(w.ana, { projectId: w.projectId, codingIds: [w.anas.id] })).toMatchObject({ ok: true, data: { changed: [w.anas.id] } });
    expect(await star(w.olivia, { projectId: w.projectId, codingIds: [w.bens.id] })).toMatchObject({ ok: true, data: { changed: [w.bens.id] } });
    // Nor can she remove a star from a coding she cannot see.
    expect(await unstar(w.ana, { projectId: w.projectId, codingIds: [w.bens.id] })).toEqual(hidden);
    expect(await starRows(w.projectId)).toHaveLength(2);

    // Once the owner reveals, she can.
    await prisma.project.update({ where: { id: w.projectId }, data: { blindCoding: false } });
    expect(await unstar(w.ana, { projectId: w.projectId, codingIds: [w.bens.id] })).toMatchObject({ ok: true, data: { changed: [w.bens.id] } });
  });

  it("applies a document's own blind flag too", async () => {
    const w = await world();
    await prisma.document.update({ where: { id: w.doc.id }, data: { blindCoding: true } });
    expect(await star(w.ben, { projectId: w.projectId, codingIds: [w.anas.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await star(w.ben, { projectId: w.projectId, codingIds: [w.bens.id] })).toMatchObject({ ok: true });
  });

  it("lists for the findings picker only the representative quotes the reader may see, of live codes, in transcript order", async () => {
    const w = await world();
    const later = await code(prisma, w, w.ben, w.doc.id, w.cost.id, "the community");
    await star(w.olivia, { projectId: w.projectId, codingIds: [later.id, w.bens.id, w.anas.id] });
    await star(w.otto, { projectId: w.other.id, codingIds: [w.foreign.id] });
    const ids = async (u: User, role: "owner" | "analyst" | "viewer") => (await starredQuotes(w.projectId, { id: u.id, role })).map((q) => q.codingId);
    // Same start: any order between Ana's and Ben's; Ben's later passage last.
    expect((await ids(w.olivia, "owner")).at(-1)).toBe(later.id);
    expect(new Set(await ids(w.olivia, "owner"))).toEqual(new Set([w.anas.id, w.bens.id, later.id]));
    expect(await ids(w.vic, "viewer")).toHaveLength(3);
    expect((await starredQuotes(w.projectId, { id: w.olivia.id, role: "owner" }))[0]).toMatchObject({ documentTitle: w.doc.title, codeName: "Cost", starredBy: "Olivia" });

    await prisma.project.update({ where: { id: w.projectId }, data: { blindCoding: true } });
    expect(await ids(w.ana, "analyst")).toEqual([w.anas.id]);
    expect(await ids(w.vic, "viewer")).toEqual([]);
    expect(await ids(w.olivia, "owner")).toHaveLength(3);

    await prisma.code.update({ where: { id: w.cost.id }, data: { deletedAt: new Date() } });
    expect(await ids(w.olivia, "owner")).toEqual([]);
  });
});
