import { beforeAll, describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { OPERATOR_SCOPE, readScope } from "../../../lib/rigour/blind";
import { searchProject } from "../../../lib/search/data";
import { deleteSavedSearch, getSavedSearch, listSavedSearches, saveSearch } from "../../../lib/search/saved";
import { deleteSavedSearchSchema, saveSearchSchema, searchQuerySchema } from "../../../lib/search/schema";
import { makeDocument } from "../helpers/factories";
import { as, code, teamWorld, type TeamWorld, type User } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

let w: TeamWorld;
beforeAll(async () => {
  w = await teamWorld(prisma);
});

const save = (u: User, name: string, params: string, projectId = w.project.id) =>
  runProjectAction(as(u), saveSearchSchema, "analyst", async (ctx, input) => saveSearch(ctx, input, await readScope(ctx.projectId, { id: ctx.user.id, role: ctx.role })), { projectId, name, params });
const remove = (u: User, savedSearchId: string, projectId = w.project.id) =>
  runProjectAction(as(u), deleteSavedSearchSchema, "analyst", deleteSavedSearch, { projectId, savedSearchId });

describe("saved searches", () => {
  it("saves a search with its count, lists it with the count it has now, and re-runs it exactly", async () => {
    const saved = await save(w.ana, "Cost talk", "q=cost&mode=words");
    expect(saved).toMatchObject({ ok: true, data: { name: "Cost talk", hits: 2, interviews: 2 } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: w.project.id, action: "search.save" } });
    expect(audit).toMatchObject({ actorId: w.ana.id, after: { name: "Cost talk" } });

    const before = (await listSavedSearches(w.project.id, OPERATOR_SCOPE)).find((s) => s.name === "Cost talk")!;
    expect(before.count).toEqual({ hits: 2, interviews: 2, capped: false });
    expect(before.createdBy).toBe("Ana");
    // A new transcript that says it: the saved search's count follows.
    await makeDocument(prisma, w.project.id, "Cat: Costs, costs, costs.");
    const after = (await listSavedSearches(w.project.id, OPERATOR_SCOPE)).find((s) => s.name === "Cost talk")!;
    expect(after.count).toEqual({ hits: 5, interviews: 3, capped: false });
    const again = await getSavedSearch(w.project.id, before.id);
    expect((await searchProject(w.project.id, again.query, OPERATOR_SCOPE)).totalHits).toBe(5);
    expect(again.query).toEqual(searchQuerySchema.parse({ q: "cost", mode: "words" }));
  });

  it("refuses a name already used (ignoring case), a search that cannot run, a viewer, and another project", async () => {
    expect(await save(w.ben, "cost TALK", "q=anything")).toMatchObject({ ok: false, error: { code: "CONFLICT", message: /already a saved search called/ } });
    expect(await save(w.ben, "Foreign code", `q=cost&coded=yes&code=${w.foreignCode.id}`)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await save(w.ben, "Empty", "mode=words")).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await save(w.vic, "Viewer's", "q=cost")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await save(w.ana, "Elsewhere", "q=cost", w.other.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.savedSearch.count({ where: { projectId: w.project.id } })).toBe(1);
  });

  it("shows why a saved search no longer runs instead of a wrong count", async () => {
    const doomed = await prisma.code.create({ data: { projectId: w.project.id, name: "Doomed" } });
    await save(w.ana, "On doomed", `q=cost&coded=yes&code=${doomed.id}`);
    await prisma.code.update({ where: { id: doomed.id }, data: { deletedAt: new Date() } });
    const listed = (await listSavedSearches(w.project.id, OPERATOR_SCOPE)).find((s) => s.name === "On doomed")!;
    expect(listed.count).toEqual({ problem: expect.stringMatching(/code was not found/) });
  });

  it("counts the coded filter under the reader's blind scope", async () => {
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    await code(prisma, w, w.ben, w.doc1.id, w.cost.id, "cost");
    await save(w.ben, "Coded cost", `q=cost&coded=yes&code=${w.cost.id}`);
    const forAna = (await listSavedSearches(w.project.id, await readScope(w.project.id, { id: w.ana.id, role: "analyst" }))).find((s) => s.name === "Coded cost")!;
    const forBen = (await listSavedSearches(w.project.id, await readScope(w.project.id, { id: w.ben.id, role: "analyst" }))).find((s) => s.name === "Coded cost")!;
    expect(forAna.count).toMatchObject({ hits: 0 });
    expect(forBen.count).toMatchObject({ hits: 1 });
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: false } });
  });

  it("lets its author or an owner delete it, nobody else, audited", async () => {
    const saved = (await listSavedSearches(w.project.id, OPERATOR_SCOPE)).find((s) => s.name === "Cost talk")!;
    expect(await remove(w.ben, saved.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remove(w.otto, saved.id, w.other.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await remove(w.olivia, saved.id)).toMatchObject({ ok: true, data: { name: "Cost talk" } });
    expect(await prisma.savedSearch.findUnique({ where: { id: saved.id } })).toBeNull();
    expect(await prisma.auditEvent.count({ where: { projectId: w.project.id, action: "search.delete", entityId: saved.id } })).toBe(1);
  });
});
