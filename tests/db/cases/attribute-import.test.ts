import { describe, expect, it } from "vitest";
import { commitAttributeSheet, previewAttributeSheet } from "../../../lib/cases/attribute-import";
import { makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();
type User = { id: string; email: string; name: string };
const as = (u: User) => ({ id: u.id, email: u.email, name: u.name });
const csv = (text: string) => new File([text], "cases.csv");
const SHEET = "case,sector,projects,uses AWS\nP01,academia,8,yes\np02,startup,5,no\nP99,startup,3,yes\n";

async function world() {
  const owner = await makeUser(prisma);
  const analyst = await makeUser(prisma);
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
  await prisma.case.createMany({ data: [{ projectId: project.id, name: "P01" }, { projectId: project.id, name: "P02" }] });
  return { owner, analyst, project };
}

const valuesOf = async (projectId: string) =>
  (await prisma.attributeValue.findMany({ where: { projectId }, include: { case: true, attribute: true } }))
    .map((v) => `${v.case.name}.${v.attribute.name}=${v.textValue ?? v.numberValue ?? v.booleanValue}`)
    .sort();

describe("importing case attributes", () => {
  it("previews inferred types, matched cases (any case) and unknown case names", async () => {
    const w = await world();
    const preview = await previewAttributeSheet(as(w.owner), w.project.id, csv(SHEET));
    expect(preview.columns.map((c) => [c.name, c.inferred])).toEqual([
      ["sector", "category"],
      ["projects", "number"],
      ["uses AWS", "boolean"],
    ]);
    expect(preview).toMatchObject({ caseColumn: "case", matchedCases: 2, unknownCases: ["P99"] });
  });

  it("stores typed values for known cases and lists unknown ones without creating them", async () => {
    const w = await world();
    const columns = [
      { name: "sector", type: "category", include: true },
      { name: "projects", type: "number", include: true },
      { name: "uses AWS", type: "boolean", include: true },
    ];
    const result = await commitAttributeSheet(as(w.owner), { projectId: w.project.id, columns }, csv(SHEET));
    expect(result).toEqual({ written: 6, skippedCases: ["P99"], createdCases: [] });
    expect(await valuesOf(w.project.id)).toEqual(["P01.projects=8", "P01.sector=academia", "P01.uses AWS=true", "P02.projects=5", "P02.sector=startup", "P02.uses AWS=false"]);
    const sector = await prisma.attributeDefinition.findFirstOrThrow({ where: { projectId: w.project.id, name: "sector" } });
    expect(sector.categories).toEqual(["academia", "startup"]);
    expect(await prisma.case.count({ where: { projectId: w.project.id } })).toBe(2);
    // Importing again updates values in place rather than duplicating them.
    await commitAttributeSheet(as(w.owner), { projectId: w.project.id, columns, createMissingCases: true }, csv(SHEET.replace("P01,academia,8", "P01,academia,9")));
    expect(await valuesOf(w.project.id)).toContain("P01.projects=9");
    expect(await prisma.case.count({ where: { projectId: w.project.id } })).toBe(3);
  });

  it("refuses a value that does not fit its type, changing nothing, and refuses non-owners", async () => {
    const w = await world();
    const columns = [{ name: "sector", type: "number", include: true }];
    await expect(commitAttributeSheet(as(w.owner), { projectId: w.project.id, columns }, csv(SHEET))).rejects.toThrow(/row 2, column "sector": "academia" is not a number/);
    expect(await prisma.attributeDefinition.count({ where: { projectId: w.project.id } })).toBe(0);
    await expect(previewAttributeSheet(as(w.analyst), w.project.id, csv(SHEET))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(commitAttributeSheet(as(w.analyst), { projectId: w.project.id, columns }, csv(SHEET))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a case name or a value longer than the app's own forms allow, naming the row, and stores nothing", async () => {
    const w = await world();
    const columns = [{ name: "sector", type: "category", include: true }];
    const longCase = await commitAttributeSheet(as(w.owner), { projectId: w.project.id, columns, createMissingCases: true }, csv(`case,sector\n${"P".repeat(201)},academia\n`)).catch((e) => e);
    expect(longCase).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/cases\.csv, row 2: the case name has 201 characters; case names are limited to 200/) });
    const longValue = await commitAttributeSheet(as(w.owner), { projectId: w.project.id, columns, createMissingCases: true }, csv(`case,sector\nP01,${"x".repeat(201)}\n`)).catch((e) => e);
    expect(longValue).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/row 2, column "sector": the value has 201 characters; category values are limited to 200/) });
    expect(await prisma.case.count({ where: { projectId: w.project.id } })).toBe(2);
    expect(await prisma.attributeDefinition.count({ where: { projectId: w.project.id } })).toBe(0);
  });
});
