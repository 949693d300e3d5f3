import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoStudy } from "../../../lib/demo";
import { refiGuid } from "../../../lib/interop/refi/guid";
import { exportCodebookQdc, exportProjectQdpx } from "../../../lib/interop/refi/api";
import { runExportQdc, runExportQdpx } from "../../../lib/interop/refi/access";
import { readProject } from "../../../lib/interop/refi/read-project";
import { parseXml } from "../../../lib/interop/refi/xml-read";
import { codePointLength, sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { schemaErrors } from "../../unit/interop/refi/fixtures";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

let projectId: string;
beforeAll(async () => {
  ({ projectId } = await loadDemoStudy(prisma));
});

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
const where = { fileName: "demo.qdpx", part: "project.qde" };

describe("REFI-QDA export of the demo study", () => {
  it("writes a .qdpx whose project.qde is valid against Project.xsd, with one plain-text source per document", async () => {
    const files = unzipSync(await exportProjectQdpx(projectId));
    const qde = decode(files["project.qde"]);
    expect(await schemaErrors("Project.xsd", qde)).toEqual([]);

    const documents = await prisma.document.findMany({ where: { projectId } });
    const sources = Object.keys(files).filter((name) => name !== "project.qde");
    expect(sources.sort()).toEqual(documents.map((d) => `sources/${refiGuid("source", d.id)}.txt`).sort());
    for (const document of documents) {
      const bytes = files[`sources/${refiGuid("source", document.id)}.txt`];
      expect(bytes.slice(0, 3)).not.toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
      expect(decode(bytes)).toBe(document.text);
    }
  });

  it("writes each coding as a selection at code point positions, quoting its passage, credited to its coder", async () => {
    const files = unzipSync(await exportProjectQdpx(projectId));
    const project = readProject(where, parseXml(files["project.qde"], where, 256));
    const codings = await prisma.coding.findMany({ where: { projectId }, include: { coder: true } });
    const byGuid = new Map(codings.map((c) => [refiGuid("selection", c.id), c]));
    const selections = project.textSources.flatMap((source) => source.selections.map((selection) => ({ source, selection })));
    expect(selections).toHaveLength(codings.length);
    for (const { source, selection } of selections) {
      const coding = byGuid.get(selection.guid)!;
      const text = decode(files[`sources/${source.guid}.txt`]);
      expect([selection.start, selection.end]).toEqual([coding.start, coding.end]);
      expect(sliceByCodePoints(text, selection.start, selection.end)).toBe(coding.quote);
      expect(selection.name).toBe(codePointLength(coding.quote) <= 200 ? coding.quote : `${[...coding.quote].slice(0, 199).join("")}…`);
      expect(selection.codings).toEqual([
        { guid: refiGuid("coding", coding.id), codeGuid: refiGuid("code", coding.codeId), creatingUser: refiGuid("user", coding.coderId), noteRefs: [] },
      ]);
      expect(selection.description ?? "").toBe(coding.memo);
    }
    // One User per analyst, the e-mail as id; the viewer, who codes nothing, is not one.
    expect(project.users.map((u) => u.id).sort()).toEqual(["analyst-a@demo.grounded.test", "analyst-b@demo.grounded.test", "owner@demo.grounded.test"]);
  });

  it("types the variables: categories as Text listing them, counts as Integer; cases hold their values and documents", async () => {
    const files = unzipSync(await exportProjectQdpx(projectId));
    const project = readProject(where, parseXml(files["project.qde"], where, 256));
    const sector = project.variables.find((v) => v.name === "sector")!;
    expect(sector.type).toBe("Text");
    expect(sector.description).toMatch(/^Categories, in order:\nacademia\n/);
    expect(project.variables.find((v) => v.name === "projects")?.type).toBe("Integer");
    expect(project.variables.find((v) => v.name === "organisation")?.type).toBe("Text");
    expect(project.cases).toHaveLength(32);
    const p01 = project.cases.find((c) => c.name === "P01")!;
    expect(p01.values).toHaveLength(20);
    expect(p01.values.find((v) => v.variableGuid === sector.guid)?.value).toEqual({ kind: "text", value: "academia" });
    expect(p01.sourceRefs).toHaveLength(1);
  });

  it("gives the same bytes, hence the same GUIDs, every time", async () => {
    const first = await exportProjectQdpx(projectId);
    const second = await exportProjectQdpx(projectId);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(await exportCodebookQdc(projectId)).toBe(await exportCodebookQdc(projectId));
  });

  it("writes the codebook as a .qdc valid against Codebook.xsd, with the GUIDs of the .qdpx", async () => {
    const qdc = await exportCodebookQdc(projectId);
    expect(await schemaErrors("Codebook.xsd", qdc)).toEqual([]);
    const codes = await prisma.code.findMany({ where: { projectId } });
    for (const code of codes) expect(qdc).toContain(`guid="${refiGuid("code", code.id)}" name="${code.name}"`);
    const qde = decode(unzipSync(await exportProjectQdpx(projectId))["project.qde"]);
    for (const code of codes) expect(qde).toContain(`guid="${refiGuid("code", code.id)}"`);
  });

  it("writes rows imported from a REFI-QDA file with the GUIDs they had there, never one GUID twice", async () => {
    const code = await prisma.code.findFirstOrThrow({ where: { projectId }, orderBy: { name: "asc" } });
    const document = await prisma.document.findFirstOrThrow({ where: { projectId }, orderBy: { position: "asc" } });
    const first = await prisma.coding.findFirstOrThrow({ where: { projectId, documentId: document.id }, orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }] });
    const second = await prisma.coding.findFirstOrThrow({ where: { projectId, documentId: document.id, start: { gt: first.start } }, orderBy: [{ start: "asc" }, { id: "asc" }] });
    const kept = { code: "{C0DE0000-0000-4000-8000-000000000001}", source: "d0c00000-0000-4000-8000-000000000001", selection: "5e1e0000-0000-4000-8000-000000000001" };
    await prisma.code.update({ where: { id: code.id }, data: { refiGuid: kept.code } });
    await prisma.document.update({ where: { id: document.id }, data: { refiGuid: kept.source } });
    // Two codings on different spans claim one selection GUID (one was edited since the import): only one may have it.
    await prisma.coding.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { refiGuid: kept.selection } });
    try {
      const files = unzipSync(await exportProjectQdpx(projectId));
      const qde = decode(files["project.qde"]);
      expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
      expect(qde).toContain(`guid="${kept.code}"`);
      expect(files[`sources/${kept.source}.txt`]).toBeDefined();
      const project = readProject(where, parseXml(files["project.qde"], where, 256));
      const selections = project.textSources.find((s) => s.guid === kept.source)!.selections.map((s) => s.guid);
      expect(selections.filter((guid) => guid === kept.selection)).toHaveLength(1);
      // The first in the file's order keeps it; the other falls back to its derived GUID.
      expect(selections).toContain(refiGuid("selection", second.id));
      expect(selections).not.toContain(refiGuid("selection", first.id));
      const guids = [...qde.matchAll(/\bguid="([^"]+)"/g)].map((m) => m[1].toLowerCase());
      expect(new Set(guids).size).toBe(guids.length);
      expect(await exportCodebookQdc(projectId)).toContain(`guid="${kept.code}"`);
    } finally {
      await prisma.code.update({ where: { id: code.id }, data: { refiGuid: null } });
      await prisma.document.update({ where: { id: document.id }, data: { refiGuid: null } });
      await prisma.coding.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { refiGuid: null } });
    }
  });

  it("leaves out a deleted code with its codings and memos", async () => {
    const code = await prisma.code.findFirstOrThrow({ where: { projectId, codings: { some: {} } } });
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: "owner@demo.grounded.test" } });
    await prisma.memo.create({ data: { projectId, authorId: owner.id, codeId: code.id, body: "hidden with the code" } });
    await prisma.code.update({ where: { id: code.id }, data: { deletedAt: new Date() } });
    try {
      const qde = decode(unzipSync(await exportProjectQdpx(projectId))["project.qde"]);
      expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
      expect(qde).not.toContain(refiGuid("code", code.id));
      expect(qde).not.toContain("hidden with the code");
      expect(await exportCodebookQdc(projectId)).not.toContain(refiGuid("code", code.id));
    } finally {
      await prisma.code.update({ where: { id: code.id }, data: { deletedAt: null } });
      await prisma.memo.deleteMany({ where: { codeId: code.id } });
    }
  });
});

describe("who may export", () => {
  it("lets any member, a viewer included, download; answers NOT_FOUND to others and UNAUTHENTICATED without a session", async () => {
    const viewer = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@demo.grounded.test" }, select: { id: true, email: true, name: true } });
    const stranger = await makeUser(prisma);
    const asViewer = await runExportQdpx(viewer, { projectId });
    expect(asViewer).toMatchObject({ ok: true, data: { fileName: "Why TensorFlow projects run on AWS (demo).qdpx", contentType: "application/zip" } });
    expect(await runExportQdc(viewer, { projectId })).toMatchObject({ ok: true, data: { contentType: "application/xml" } });
    expect(await runExportQdpx({ id: stranger.id, email: stranger.email, name: stranger.name }, { projectId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await runExportQdpx(null, { projectId })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await runExportQdpx(viewer, { projectId: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("refuses a codebook export of a project without codes, saying why", async () => {
    const owner = await makeUser(prisma);
    const empty = await prisma.project.create({ data: { name: "Empty", memberships: { create: { userId: owner.id, role: "owner" } } } });
    expect(await runExportQdc({ id: owner.id, email: owner.email, name: owner.name }, { projectId: empty.id })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: expect.stringMatching(/no codes/) },
    });
    const qde = decode(unzipSync(await exportProjectQdpx(empty.id))["project.qde"]);
    expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
  });
});
