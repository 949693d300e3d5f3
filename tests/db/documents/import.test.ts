import { describe, expect, it } from "vitest";
import { commitTranscriptImport, previewTranscriptImport } from "../../../lib/documents/import-request";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { buildDocx, buildPdf } from "../../fixtures/interop/transcripts/build";
import { makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();
type User = { id: string; email: string; name: string };
const as = (u: User) => ({ id: u.id, email: u.email, name: u.name });
const file = (name: string, content: string | Uint8Array) => new File([typeof content === "string" ? content : new Uint8Array(content)], name);

async function world() {
  const owner = await makeUser(prisma);
  const analyst = await makeUser(prisma);
  const stranger = await makeUser(prisma);
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, { userId: analyst.id, role: "analyst" }]);
  const other = await makeProject(prisma, [{ userId: stranger.id, role: "owner" }]);
  return { owner, analyst, stranger, project, other };
}

const ana = () => file("ana.txt", "Researcher 1: Why AWS? 🙂\n\nAna: The cost, mostly.\n\nResearcher 1: And?\n\nAna: The community.");
const bo = () => file("Bo interview.docx", buildDocx(["Interviewer: Where do models run?", "Bo: On premise."]));

describe("importing transcripts", () => {
  it("previews turns, speakers, first lines and a suggested case, storing nothing", async () => {
    const w = await world();
    const [a, b, bad] = await previewTranscriptImport(as(w.owner), w.project.id, [ana(), bo(), file("scan.pdf", buildPdf([]))]);
    expect(a).toMatchObject({ fileName: "ana.txt", format: "text", turns: 4, title: "ana", suggestedCase: { kind: "new", name: "ana" } });
    expect(a.speakers).toEqual([
      { name: "Researcher 1", turns: 2, interviewer: true },
      { name: "Ana", turns: 2, interviewer: false },
    ]);
    expect(a.excerpt[0]).toEqual({ speaker: "Researcher 1", text: "Why AWS? 🙂" });
    // Each of Bo's labels occurs once: not speakers until confirmed (see the next tests).
    expect(b).toMatchObject({ format: "docx", turns: 0, title: "Bo interview" });
    expect(b.labels).toEqual([
      { name: "Interviewer", occurrences: 1, accepted: false },
      { name: "Bo", occurrences: 1, accepted: false },
    ]);
    expect(a.labels).toEqual([
      { name: "Researcher 1", occurrences: 2, accepted: true },
      { name: "Ana", occurrences: 2, accepted: true },
    ]);
    expect(bad.error).toMatch(/scan.pdf has no text layer/);
    expect(await prisma.document.count({ where: { projectId: w.project.id } })).toBe(0);
  });

  it("imports files as documents with renamed speakers, roles and cases, in one transaction", async () => {
    const w = await world();
    const existing = await prisma.case.create({ data: { projectId: w.project.id, name: "Bo" } });
    const options = {
      projectId: w.project.id,
      files: [
        { fileName: "ana.txt", title: "Interview with Ana", speakers: [{ from: "Researcher 1", to: "Interviewer", interviewer: true }, { from: "Ana", to: "Ana Lima", interviewer: false }], case: { kind: "new", name: "Ana" } },
        { fileName: "Bo interview.docx", title: "Bo", speakers: [], speakerLabels: { kind: "chosen", labels: ["Interviewer", "Bo"] }, case: { kind: "existing", caseId: existing.id } },
      ],
    };
    const imported = await commitTranscriptImport(as(w.owner), options, [ana(), bo()]);
    expect(imported.map((d) => [d.title, d.caseName, d.turns])).toEqual([
      ["Interview with Ana", "Ana", 4],
      ["Bo", "Bo", 2],
    ]);
    const doc = await prisma.document.findFirstOrThrow({ where: { title: "Interview with Ana" }, include: { turns: { orderBy: { index: "asc" } }, case: true } });
    expect(doc.sourceFormat).toBe("text");
    expect(doc.text.startsWith("Researcher 1: Why AWS?")).toBe(true); // the stored text keeps the file's labels
    expect(doc.turns.map((t) => [t.speaker, t.role, sliceByCodePoints(doc.text, t.start, t.end)])).toEqual([
      ["Interviewer", "interviewer", "Why AWS? 🙂"],
      ["Ana Lima", "respondent", "The cost, mostly."],
      ["Interviewer", "interviewer", "And?"],
      ["Ana Lima", "respondent", "The community."],
    ]);
    expect(await prisma.auditEvent.count({ where: { projectId: w.project.id, action: "document.import" } })).toBe(2);
  });

  it("stores the preview's choice: labels confirmed there are speakers, 'no speakers' stores no turns, the text is the file's either way", async () => {
    const w = await world();
    const report = () => file("report.txt", "Background:\nTwelve plots.\n\nMethod:\nNine interviews.\n\nResults:\nLonger hours.");
    const [preview] = await previewTranscriptImport(as(w.owner), w.project.id, [report()]);
    expect(preview.turns).toBe(0);
    expect(preview.labels.map((l) => [l.name, l.accepted])).toEqual([["Background", false], ["Method", false], ["Results", false]]);
    expect(preview.warnings[0]).toMatch(/No speakers found/);

    const options = {
      projectId: w.project.id,
      files: [
        { fileName: "report.txt", title: "Report", speakers: [], speakerLabels: { kind: "none" }, case: { kind: "none" } },
        { fileName: "ana.txt", title: "Ana, no speakers", speakers: [], speakerLabels: { kind: "none" }, case: { kind: "none" } },
        { fileName: "Bo interview.docx", title: "Bo", speakers: [{ from: "Bo", to: "Bo Berg", interviewer: false }], speakerLabels: { kind: "chosen", labels: ["Interviewer", "Bo"] }, case: { kind: "none" } },
      ],
    };
    await commitTranscriptImport(as(w.owner), options, [report(), ana(), bo()]);
    const docs = await prisma.document.findMany({ where: { projectId: w.project.id }, include: { turns: { orderBy: { index: "asc" } } }, orderBy: { position: "asc" } });
    expect(docs.map((d) => [d.title, d.turns.length])).toEqual([["Report", 0], ["Ana, no speakers", 0], ["Bo", 2]]);
    expect(docs[1].text.startsWith("Researcher 1: Why AWS?")).toBe(true);
    expect(docs[2].turns.map((t) => [t.speaker, t.role, sliceByCodePoints(docs[2].text, t.start, t.end)])).toEqual([
      ["Interviewer", "respondent", "Where do models run?"],
      ["Bo Berg", "respondent", "On premise."],
    ]);
    const malformed = { ...options, files: [{ ...options.files[0], speakerLabels: { kind: "some" } }] };
    await expect(commitTranscriptImport(as(w.owner), malformed, [report()])).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("keeps the times of Otter's and Rev's turns", async () => {
    const w = await world();
    const otter = file("otter.txt", "maria l  0:03\nHow did it begin?\n\nSPEAKER 1  0:11\nWith a grant.\n\nmaria l  1:02\nAnd then?\n\nSPEAKER 1  1:09:15\nIt grew.\n");
    const options = { projectId: w.project.id, files: [{ fileName: "otter.txt", title: "Otter", speakers: [], case: { kind: "none" } }] };
    await commitTranscriptImport(as(w.owner), options, [otter]);
    const doc = await prisma.document.findFirstOrThrow({ where: { projectId: w.project.id }, include: { turns: { orderBy: { index: "asc" } } } });
    expect(doc.turns.map((t) => [t.speaker, t.timestampMs])).toEqual([["maria l", 3_000], ["SPEAKER 1", 11_000], ["maria l", 62_000], ["SPEAKER 1", 4_155_000]]);
  });

  it("imports nothing when one file fails, and refuses another project's case", async () => {
    const w = await world();
    const foreignCase = await prisma.case.create({ data: { projectId: w.other.id, name: "Theirs" } });
    const base = { fileName: "ana.txt", title: "Ana", speakers: [], case: { kind: "new", name: "Ana" } };
    await expect(
      commitTranscriptImport(as(w.owner), { projectId: w.project.id, files: [base, { ...base, fileName: "scan.pdf", title: "Scan" }] }, [ana(), file("scan.pdf", buildPdf([]))]),
    ).rejects.toThrow(/Nothing was imported: scan.pdf has no text layer/);
    await expect(
      commitTranscriptImport(as(w.owner), { projectId: w.project.id, files: [{ ...base, case: { kind: "existing", caseId: foreignCase.id } }] }, [ana()]),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.document.count({ where: { projectId: w.project.id } })).toBe(0);
    expect(await prisma.case.count({ where: { projectId: w.project.id } })).toBe(0);
  });

  it("lets only owners of the project preview or import", async () => {
    const w = await world();
    await expect(previewTranscriptImport(as(w.analyst), w.project.id, [ana()])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewTranscriptImport(as(w.stranger), w.project.id, [ana()])).rejects.toMatchObject({ code: "NOT_FOUND" });
    const options = { projectId: w.project.id, files: [{ fileName: "ana.txt", title: "Ana", speakers: [], case: { kind: "none" } }] };
    await expect(commitTranscriptImport(as(w.analyst), options, [ana()])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(commitTranscriptImport(as(w.owner), { ...options, files: [{ ...options.files[0], title: "" }] }, [ana()])).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(commitTranscriptImport(as(w.owner), options, [bo()])).rejects.toThrow(/ana.txt was not uploaded/);
    expect(await prisma.document.count({ where: { projectId: w.project.id } })).toBe(0);
  });
});
