import { describe, expect, it } from "vitest";
import { signInWithPassword } from "../../../lib/auth/sign-in";
import { runImportQdc, runImportQdpx } from "../../../lib/interop/refi/access";
import { exportCodebookQdc, importQdc, importQdpx } from "../../../lib/interop/refi/api";
import { refiGuid } from "../../../lib/interop/refi/guid";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { fixture, minimalQdpx } from "../../unit/interop/refi/fixtures";
import { makeCode, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const me = (u: User) => ({ user: { id: u.id, email: u.email, name: u.name } });

describe("importing a .qdpx into a new project", () => {
  it("imports the minimal fixture (BOM, CRLF, prefixes, braced upper-case GUIDs, no XML declaration) with everything it holds", async () => {
    const importer = await makeUser(prisma, { name: "Iris Importer" });
    const ana = await prisma.user.upsert({ where: { email: "ana@example.org" }, create: { email: "ana@example.org", name: "Ana (account)", passwordHash: "x" }, update: {} });
    const summary = await importQdpx(me(importer), minimalQdpx(), "minimal.qdpx");

    expect(summary).toMatchObject({
      fileName: "minimal.qdpx",
      mode: "new-project",
      projectName: "Minimal study",
      origin: "Hand-written fixture 1.0",
      counts: { sources: 2, codes: 5, codings: 9, users: 4, cases: 1, variables: 4, memos: 2 },
    });
    const project = await prisma.project.findUniqueOrThrow({ where: { id: summary.projectId }, include: { memberships: { include: { user: true } } } });
    expect(project.description).toBe("A hand-written REFI-QDA project for tests.");
    const roles = Object.fromEntries(project.memberships.map((m) => [m.user.name, m.role]));
    // Ana's e-mail belongs to an account, but a file cannot add a real person to a project:
    // she becomes a placeholder coder under the name the file gives, and the account is untouched.
    // Idle Ida coded nothing in the file, and is a coder of the project all the same.
    expect(roles).toEqual({ "Iris Importer": "owner", "Ana Analyst": "analyst", Ben: "analyst", "Idle Ida": "analyst" });
    expect(await prisma.membership.count({ where: { userId: ana.id } })).toBe(0);

    // Ben has no e-mail in the file: a placeholder coder who cannot sign in.
    const ben = project.memberships.find((m) => m.user.name === "Ben")!.user;
    expect(ben).toMatchObject({ disabled: true });
    expect(ben.email).toMatch(/^refi-a0000000-0000-4000-8000-000000000002@.+\.placeholder\.grounded\.invalid$/);
    expect(ben.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword({ email: ben.email, password: "anything at all" })).toMatchObject({ ok: false });
    expect(summary.users.map((u) => [u.name, u.kind, u.codings]).sort()).toEqual([
      ["Ana Analyst", "placeholder", 3],
      ["Ben", "placeholder", 5],
      ["Idle Ida", "placeholder", 0],
      ["Iris Importer", "you", 1],
    ]);

    // Codings: offsets of the normalized text (NFC, \n, no BOM), quoting it exactly.
    const codings = await prisma.coding.findMany({ where: { projectId: summary.projectId }, include: { code: true, coder: true, document: true } });
    for (const coding of codings) expect(sliceByCodePoints(coding.document.text, coding.start, coding.end)).toBe(coding.quote);
    const quotes = codings.map((c) => `${c.code.name}|${c.coder.name}|${c.quote}`).sort();
    expect(quotes).toEqual([
      "Community|Ben|community of café owners",
      "Community|Iris Importer|Line two is about people.\n",
      "Cost|Ana Analyst|Credits — we got credits.",
      "Cost|Ana Analyst|Honestly, the cost",
      "Cost|Ben|ne three is about tools.",
      "Reasons|Ana Analyst|Line one is about budgets.\nLine two is about people.\nLine three is about tools.\n",
      "Reasons|Ben|How did you start",
      "Why AWS|Ben|Credits — we got credits.",
      "Why AWS|Ben|Why AWS",
    ].sort());
    expect(codings.find((c) => c.quote === "Honestly, the cost")?.memo).toBe("First reason given.");

    const documents = await prisma.document.findMany({ where: { projectId: summary.projectId }, orderBy: { position: "asc" }, include: { case: true, turns: true } });
    expect(documents.map((d) => [d.title, d.case?.name ?? null, d.sourceFormat])).toEqual([
      ["Interview 1", "P01", "refi-qda"],
      ["interview-2", null, "refi-qda"],
    ]);
    expect(documents[0].text.startsWith("Interviewer: How did you start? 🙂\nAna:")).toBe(true);
    expect(documents[0].turns.map((t) => t.speaker)).toEqual(["Interviewer", "Ana", "Interviewer", "Ana"]);

    const codes = await prisma.code.findMany({ where: { projectId: summary.projectId }, include: { parent: true } });
    expect(codes.map((c) => [c.name, c.parent?.name ?? null, c.colour]).sort()).toEqual(
      [
        ["Community", null, expect.stringMatching(/^#[0-9a-f]{6}$/)],
        ["Cost", "Reasons", "#ff0000"],
        ["Reasons", null, "#1d4ed8"],
        ["Unused heading", null, expect.stringMatching(/^#[0-9a-f]{6}$/)],
        ["Why AWS", "Reasons", expect.stringMatching(/^#[0-9a-f]{6}$/)],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(codes.find((c) => c.name === "Reasons")).toMatchObject({ description: "Why they chose it.", inclusion: "Any stated reason." });

    const attributes = await prisma.attributeDefinition.findMany({ where: { projectId: summary.projectId }, orderBy: { position: "asc" }, include: { values: true } });
    expect(attributes.map((a) => [a.name, a.type, a.categories, a.values[0]?.textValue ?? a.values[0]?.numberValue ?? a.values[0]?.booleanValue])).toEqual([
      ["sector", "category", ["academia", "industry"], "academia"],
      ["projects", "number", [], 8],
      ["cloud only", "boolean", [], true],
      ["since", "text", [], "2017-03-01"],
    ]);

    const memos = await prisma.memo.findMany({ where: { projectId: summary.projectId }, include: { author: true, coding: true } });
    expect(memos.map((m) => [m.title, m.body, m.author.name, m.coding?.quote ?? null]).sort()).toEqual([
      ["On cost", "Cost comes up first & fast.", "Ana Analyst", "Honestly, the cost"],
      ["Project note", "Two interviews, one case.", "Iris Importer", null],
    ]);

    // The summary names what was skipped and every passage that could not be placed exactly.
    const messages = summary.warnings.map((w) => `${w.kind}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^position: "Interview 1", passage "Why AWS" .*the file quotes "Why AWS\?"/),
        expect.stringMatching(/^position: "interview-2", passage "ne three is about tools\." .*starts inside a word \("Li\|ne"\)/),
        expect.stringMatching(/^source: Skipped source "Rich only": it has only a rich-text version/),
        expect.stringMatching(/^source: Skipped source "Missing": its text file internal:\/\/missing\.txt is not in the archive\. Its 1 coding\(s\) were not imported\./),
        expect.stringMatching(/^source: Skipped picture source "Whiteboard"/),
        expect.stringMatching(/^case: The variable "since" holds dates/),
      ]),
    );
    expect(summary.sources.map((s) => [s.title, s.codings, s.positions?.own])).toEqual([
      ["Interview 1", 6, false],
      ["interview-2", 3, false],
    ]);
    // One convention for the file, shown by Interview 1's quotations (interview-2 is ASCII with LF: any reading agrees).
    expect(summary.positions).toMatchObject({ convention: "UTF-16 code units, a CRLF counted twice, the byte order mark not counted", basis: "quotes", overrides: [] });
    expect(summary.notImported.map((n) => [n.kind, n.count])).toEqual([["unread-source", 1]]);
    await prisma.user.delete({ where: { id: ana.id } }).catch(() => undefined);
  });

  it("reads Project.qde with Sources/ too, and makes new placeholders for each import", async () => {
    const importer = await makeUser(prisma);
    const first = await importQdpx(me(importer), minimalQdpx({ projectEntry: "Project.qde", sourcesDir: "Sources" }), "upper.qdpx", { projectName: "Upper case" });
    const second = await importQdpx(me(importer), minimalQdpx(), "again.qdpx");
    expect(first.projectName).toBe("Upper case");
    expect(first.counts).toEqual(second.counts);
    const placeholders = await prisma.user.findMany({ where: { name: "Ben", disabled: true, memberships: { some: { projectId: { in: [first.projectId, second.projectId] } } } } });
    expect(placeholders).toHaveLength(2);
  });

  it("credits work that names no user to the importer, and refuses signed-out callers", async () => {
    const importer = await makeUser(prisma, { name: "Solo" });
    const result = await runImportQdpx(me(importer).user, { fileName: "solo.qdpx", bytes: minimalQdpx({ edit: (qde) => qde.replace(/ creatingUser="[^"]*"/g, "") }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const coders = await prisma.coding.findMany({ where: { projectId: result.data.projectId }, distinct: ["coderId"], select: { coderId: true } });
    expect(coders).toEqual([{ coderId: importer.id }]);
    // The file's users are still the project's coders (placeholders), with no codings of their own.
    expect(result.data.users.map((u) => [u.name, u.kind, u.codings])).toEqual([
      ["Ana Analyst", "placeholder", 0],
      ["Ben", "placeholder", 0],
      ["Idle Ida", "placeholder", 0],
      ["Solo", "you", 9],
    ]);
    expect(await runImportQdpx(null, { fileName: "x.qdpx", bytes: minimalQdpx() })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await runImportQdpx(me(importer).user, { fileName: "", bytes: minimalQdpx() })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { fileName: expect.any(Array) } } });
  });
});

describe("importing a .qdc", () => {
  it("makes a new project holding the codebook, nested, with colours and descriptions", async () => {
    const importer = await makeUser(prisma);
    const summary = await importQdc(me(importer), fixture("codebook.qdc"), "codebook.qdc");
    expect(summary).toMatchObject({ projectName: "codebook", counts: { codes: 4, codings: 0, sources: 0 } });
    const codes = await prisma.code.findMany({ where: { projectId: summary.projectId }, include: { parent: true } });
    expect(codes.find((c) => c.name === "Trust")).toMatchObject({ colour: "#00aa00", description: "Trust in the provider.", exclusion: "Trust in colleagues.", parent: { name: "Reasons" } });
    expect(await prisma.membership.findMany({ where: { projectId: summary.projectId }, select: { userId: true, role: true } })).toEqual([{ userId: importer.id, role: "owner" }]);
  });

  it("starts a new project named and described as the New project form says", async () => {
    const importer = await makeUser(prisma);
    const summary = await importQdc(me(importer), fixture("codebook.qdc"), "codebook.qdc", { projectName: "Ward study", projectDescription: "Nurses on nights." });
    expect(summary).toMatchObject({ mode: "new-project", projectName: "Ward study", counts: { codes: 4 } });
    expect(await prisma.project.findUnique({ where: { id: summary.projectId }, select: { name: true, description: true } })).toEqual({ name: "Ward study", description: "Nurses on nights." });
  });

  it("merges into a project's codebook, matching codes by GUID, then by name under the same parent, then by a unique name", async () => {
    const owner = await makeUser(prisma);
    const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }]);
    const reasons = await prisma.code.create({ data: { projectId: project.id, name: "Reasons", position: 0 } });
    await prisma.code.create({ data: { projectId: project.id, name: "Cost", parentId: reasons.id, position: 0 } });
    await makeCode(prisma, project.id, "Barriers");

    const summary = await importQdc(me(owner), fixture("codebook.qdc"), "codebook.qdc", { intoProjectId: project.id });
    expect(summary).toMatchObject({ mode: "codebook-merge", projectId: project.id, counts: { codes: 1 }, matchedCodes: { byGuid: 0, byName: 3 } });
    const codes = await prisma.code.findMany({ where: { projectId: project.id }, include: { parent: true } });
    expect(codes.map((c) => `${c.parent?.name ?? ""}/${c.name}`).sort()).toEqual(["/Barriers", "/Reasons", "Reasons/Cost", "Reasons/Trust"]);

    // Our own .qdc of this project now matches every code by GUID and adds nothing.
    const again = await importQdc(me(owner), new TextEncoder().encode(await exportCodebookQdc(project.id)), "own.qdc", { intoProjectId: project.id });
    expect(again).toMatchObject({ counts: { codes: 0 }, matchedCodes: { byGuid: 4, byName: 0 } });
    expect(await exportCodebookQdc(project.id)).toContain(refiGuid("code", reasons.id));
    const audit = await prisma.auditEvent.findMany({ where: { projectId: project.id, action: "codebook.merge_refi" } });
    expect(audit).toHaveLength(2);
  });

  it("lets only the project's owner merge: FORBIDDEN for an analyst, NOT_FOUND for an outsider, nothing changed", async () => {
    const owner = await makeUser(prisma);
    const analyst = await makeUser(prisma);
    const outsider = await makeUser(prisma);
    const project = await makeProject(prisma, [
      { userId: owner.id, role: "owner" },
      { userId: analyst.id, role: "analyst" },
    ]);
    const input = { fileName: "codebook.qdc", bytes: fixture("codebook.qdc"), intoProjectId: project.id };
    expect(await runImportQdc(me(analyst).user, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await runImportQdc(me(outsider).user, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await runImportQdc(me(outsider).user, { ...input, intoProjectId: "no-such-project" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.code.count({ where: { projectId: project.id } })).toBe(0);
    expect(await runImportQdc(me(owner).user, input)).toMatchObject({ ok: true, data: { counts: { codes: 4 } } });
  });
});
