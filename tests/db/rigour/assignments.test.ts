import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { getQueue } from "../../../lib/rigour/data";
import { assignDocuments, markDone, setDocumentsBlind, setProjectBlind, unassignDocument } from "../../../lib/rigour/mutations";
import { assignDocumentsSchema, markDoneSchema, setDocumentsBlindSchema, setProjectBlindSchema, unassignSchema } from "../../../lib/rigour/schema";
import { useTestDatabase } from "../helpers/test-database";
import { type User, as, code, teamWorld } from "../helpers/team-world";

const { prisma } = await useTestDatabase();

// The same role each server action in lib/rigour/actions.ts asks for.
const assign = (u: User | null, input: unknown) => runProjectAction(u && as(u), assignDocumentsSchema, "owner", assignDocuments, input);
const unassign = (u: User, input: unknown) => runProjectAction(as(u), unassignSchema, "owner", unassignDocument, input);
const done = (u: User, input: unknown) => runProjectAction(as(u), markDoneSchema, "analyst", markDone, input);
const blindProject = (u: User, input: unknown) => runProjectAction(as(u), setProjectBlindSchema, "owner", setProjectBlind, input);
const blindDocuments = (u: User, input: unknown) => runProjectAction(as(u), setDocumentsBlindSchema, "owner", setDocumentsBlind, input);

const audit = (projectId: string, action: string) => prisma.auditEvent.count({ where: { projectId, action } });

describe("assigning documents", () => {
  it("lets an owner assign documents to analysts, once per pair, and audits each assignment", async () => {
    const w = await teamWorld(prisma);
    const input = { projectId: w.project.id, documentIds: [w.doc1.id, w.doc2.id], userIds: [w.ana.id, w.ben.id] };
    expect(await assign(w.olivia, input)).toEqual({ ok: true, data: { created: 4, alreadyAssigned: 0 } });
    expect(await assign(w.olivia, input)).toEqual({ ok: true, data: { created: 0, alreadyAssigned: 4 } });
    expect(await prisma.assignment.count({ where: { projectId: w.project.id } })).toBe(4);
    expect(await audit(w.project.id, "assignment.create")).toBe(4);
    const row = await prisma.assignment.findFirstOrThrow({ where: { documentId: w.doc1.id, userId: w.ana.id } });
    expect(row).toMatchObject({ assignedById: w.olivia.id, doneAt: null });
  });

  it("refuses analysts and viewers (FORBIDDEN), outsiders and signed-out callers, changing nothing", async () => {
    const w = await teamWorld(prisma);
    const input = { projectId: w.project.id, documentIds: [w.doc1.id], userIds: [w.ana.id] };
    expect(await assign(w.ana, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await assign(w.vic, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await assign(w.otto, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await assign(null, input)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await prisma.assignment.count({ where: { projectId: w.project.id } })).toBe(0);
  });

  it("answers NOT_FOUND for another project's document or a non-member, and refuses to assign a viewer", async () => {
    const w = await teamWorld(prisma);
    const base = { projectId: w.project.id };
    expect(await assign(w.olivia, { ...base, documentIds: [w.doc1.id, w.foreignDocument.id], userIds: [w.ana.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await assign(w.olivia, { ...base, documentIds: [w.doc1.id], userIds: [w.otto.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await assign(w.olivia, { ...base, documentIds: [w.doc1.id], userIds: [w.vic.id] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    // Otto, owner of his own project, cannot reach this project's document through it.
    expect(await assign(w.otto, { projectId: w.other.id, documentIds: [w.doc1.id], userIds: [w.otto.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.assignment.count({ where: { projectId: { in: [w.project.id, w.other.id] } } })).toBe(0);
  });

  it("refuses malformed input", async () => {
    const w = await teamWorld(prisma);
    expect(await assign(w.olivia, { projectId: w.project.id, documentIds: [], userIds: [w.ana.id] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await assign(w.olivia, { projectId: w.project.id, documentIds: "all", userIds: [w.ana.id] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("lets an owner take a document off a queue, audited; others cannot", async () => {
    const w = await teamWorld(prisma);
    await assign(w.olivia, { projectId: w.project.id, documentIds: [w.doc1.id], userIds: [w.ana.id] });
    const input = { projectId: w.project.id, documentId: w.doc1.id, userId: w.ana.id };
    expect(await unassign(w.ana, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await unassign(w.otto, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await unassign(w.olivia, input)).toMatchObject({ ok: true });
    expect(await unassign(w.olivia, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await audit(w.project.id, "assignment.delete")).toBe(1);
  });
});

describe("marking a document done", () => {
  it("lets the assigned analyst mark their document done and not done again, audited, and shows it in their queue", async () => {
    const w = await teamWorld(prisma);
    await assign(w.olivia, { projectId: w.project.id, documentIds: [w.doc1.id, w.doc2.id], userIds: [w.ana.id, w.ben.id] });
    await code(prisma, w, w.ana, w.doc1.id, w.cost.id, "The cost of the cloud");
    await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "The cost");
    const input = { projectId: w.project.id, documentId: w.doc1.id, done: true };
    expect(await done(w.ana, input)).toMatchObject({ ok: true, data: { doneAt: expect.any(Date) } });
    expect(await done(w.ana, input)).toMatchObject({ ok: true }); // no change, no second event
    const queue = await getQueue(w.project.id, w.ana.id);
    expect(queue.map((q) => [q.document.id, q.doneAt !== null, q.myCodings])).toEqual([
      [w.doc1.id, true, 1],
      [w.doc2.id, false, 0],
    ]);
    // Ben's assignment of the same document is his own: untouched.
    expect((await prisma.assignment.findFirstOrThrow({ where: { documentId: w.doc1.id, userId: w.ben.id } })).doneAt).toBeNull();
    expect(await done(w.ana, { ...input, done: false })).toMatchObject({ ok: true, data: { doneAt: null } });
    expect(await audit(w.project.id, "assignment.done")).toBe(1);
    expect(await audit(w.project.id, "assignment.undone")).toBe(1);
  });

  it("refuses a document not assigned to the caller, viewers, and another project's ids", async () => {
    const w = await teamWorld(prisma);
    await assign(w.olivia, { projectId: w.project.id, documentIds: [w.doc1.id], userIds: [w.ana.id] });
    const input = { projectId: w.project.id, documentId: w.doc1.id, done: true };
    expect(await done(w.ben, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await done(w.olivia, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await done(w.vic, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await done(w.otto, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await done(w.ana, { ...input, documentId: w.foreignDocument.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await done(w.ana, { ...input, done: "yes" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.assignment.count({ where: { projectId: w.project.id, doneAt: { not: null } } })).toBe(0);
  });
});

describe("blind mode switches", () => {
  it("lets an owner turn blind mode on and off for the project and for chosen documents, audited", async () => {
    const w = await teamWorld(prisma);
    expect(await blindProject(w.olivia, { projectId: w.project.id, blind: true })).toMatchObject({ ok: true, data: { changed: true } });
    expect(await blindProject(w.olivia, { projectId: w.project.id, blind: true })).toMatchObject({ ok: true, data: { changed: false } });
    expect(await blindProject(w.olivia, { projectId: w.project.id, blind: false })).toMatchObject({ ok: true, data: { changed: true } });
    expect(await blindDocuments(w.olivia, { projectId: w.project.id, documentIds: [w.doc1.id], blind: true })).toMatchObject({ ok: true, data: { changed: 1 } });
    expect((await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } })).blindCoding).toBe(true);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: w.doc2.id } })).blindCoding).toBe(false);
    expect(await audit(w.project.id, "project.blind")).toBe(1);
    expect(await audit(w.project.id, "project.reveal")).toBe(1);
    expect(await audit(w.project.id, "document.blind")).toBe(1);
  });

  it("refuses analysts, viewers, outsiders and another project's documents", async () => {
    const w = await teamWorld(prisma);
    for (const who of [w.ana, w.vic]) {
      expect(await blindProject(who, { projectId: w.project.id, blind: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await blindDocuments(who, { projectId: w.project.id, documentIds: [w.doc1.id], blind: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await blindProject(w.otto, { projectId: w.project.id, blind: true })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await blindDocuments(w.olivia, { projectId: w.project.id, documentIds: [w.foreignDocument.id], blind: true })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await blindDocuments(w.otto, { projectId: w.other.id, documentIds: [w.doc1.id], blind: true })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: w.project.id } })).blindCoding).toBe(false);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: w.doc1.id } })).blindCoding).toBe(false);
  });
});
