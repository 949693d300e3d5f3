import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { OPERATOR_SCOPE } from "../../../lib/rigour/blind";
import { searchProject } from "../../../lib/search/data";
import { setSearchLanguage } from "../../../lib/search/mutations";
import { searchQuerySchema, setSearchLanguageSchema } from "../../../lib/search/schema";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const setLanguage = (u: { id: string; email: string; name: string }, input: Record<string, unknown>) =>
  runProjectAction({ id: u.id, email: u.email, name: u.name }, setSearchLanguageSchema, "owner", setSearchLanguage, input);
const hits = async (projectId: string, q: string) => (await searchProject(projectId, searchQuerySchema.parse({ q }), OPERATOR_SCOPE)).totalHits;

describe("the project's search language", () => {
  it("is English for a new project; an owner's change re-stems every transcript at once, audited", async () => {
    const owner = await makeUser(prisma);
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
    await makeDocument(prisma, project.id, "Ana: Wir haben die Bilder beschriftet. Labelling took weeks.");
    expect(await hits(project.id, "labels")).toBe(1);
    expect(await hits(project.id, "Bild")).toBe(0);

    expect(await setLanguage(owner, { projectId: project.id, language: "German" })).toEqual({ ok: true, data: { language: "german" } });
    // The German stemmer makes "Bilder" and "Bild" one word, and no longer takes English endings off.
    expect(await hits(project.id, "Bild")).toBe(1);
    expect(await hits(project.id, "labels")).toBe(0);
    // A document added afterwards is stemmed in German too.
    await makeDocument(prisma, project.id, "Ben: Noch mehr Bilder.");
    expect(await hits(project.id, "Bild")).toBe(2);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "project.search_language" } });
    expect(audit).toMatchObject({ actorId: owner.id, before: { searchLanguage: "english" }, after: { searchLanguage: "german" } });
  });

  it("refuses a language PostgreSQL does not have, analysts, and other projects, changing nothing", async () => {
    const [owner, analyst] = [await makeUser(prisma), await makeUser(prisma)];
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
    const other = await makeProject(prisma, []);
    expect(await setLanguage(owner, { projectId: project.id, language: "klingon" })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: /no language called "klingon"/ } });
    expect(await setLanguage(owner, { projectId: project.id, language: "english; drop" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await setLanguage(analyst, { projectId: project.id, language: "simple" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await setLanguage(owner, { projectId: other.id, language: "simple" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const languages = await prisma.project.findMany({ where: { id: { in: [project.id, other.id] } }, select: { searchLanguage: true } });
    expect(languages.map((p) => p.searchLanguage)).toEqual(["english", "english"]);
    expect(await prisma.auditEvent.count({ where: { action: "project.search_language" , projectId: { in: [project.id, other.id] } } })).toBe(0);
  });
});
