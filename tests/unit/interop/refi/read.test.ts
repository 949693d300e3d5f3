import { describe, expect, it } from "vitest";
import { readCodebook } from "../../../../lib/interop/refi/read-codebook";
import { readProject } from "../../../../lib/interop/refi/read-project";
import { parseXml } from "../../../../lib/interop/refi/xml-read";
import { fixture } from "./fixtures";

const where = { fileName: "study.qdpx", part: "project.qde" };
const project = (xml: string) => readProject(where, parseXml(xml, where, 64));
const P = (body: string) => `<Project xmlns="urn:QDA-XML:project:1.0" name="P">${body}</Project>`;

describe("reading project.qde", () => {
  it("reads the minimal fixture: users, the code tree, variables, cases, sources, selections and notes, GUIDs normalized", () => {
    const read = readProject(where, parseXml(fixture("minimal/project.qde"), where, 64));
    expect(read).toMatchObject({ name: "Minimal study", origin: "Hand-written fixture 1.0", ignored: { sets: 0, links: 0, graphs: 0 } });
    expect(read.users.map((u) => [u.guid, u.name, u.id])).toEqual([
      ["a0000000-0000-4000-8000-000000000001", "Ana Analyst", "ana@example.org"],
      ["a0000000-0000-4000-8000-000000000002", "Ben", null],
      ["a0000000-0000-4000-8000-000000000003", "Idle Ida", null],
    ]);
    expect(read.codes.map((c) => [c.name, c.children.map((k) => k.name)])).toEqual([
      ["Reasons", ["Cost", "Why AWS"]],
      ["Community", []],
      ["Unused heading", []],
    ]);
    expect(read.codes[2].isCodable).toBe(false);
    expect(read.codes[0].description).toBe("Why they chose it.\n\nInclusion: Any stated reason.");
    expect(read.variables.map((v) => v.type)).toEqual(["Text", "Integer", "Boolean", "Date"]);
    expect(read.cases[0].values.map((v) => v.value)).toEqual([
      { kind: "text", value: "academia" },
      { kind: "number", value: 8, integer: true },
      { kind: "boolean", value: true },
      { kind: "date", value: "2017-03-01" },
    ]);
    expect(read.textSources.map((s) => [s.name, s.plainTextPath, s.selections.length, s.codings.length])).toEqual([
      ["Interview 1", "internal://interview-1.txt", 5, 0],
      [null, "interview-2.txt", 2, 1],
      ["Rich only", null, 0, 0],
      ["Missing", "internal://missing.txt", 1, 0],
    ]);
    expect(read.textSources[0].selections[1]).toMatchObject({ name: "Honestly, the cost", start: 41, end: 59, description: "First reason given." });
    expect(read.otherSources).toEqual([{ kind: "picture", guid: "d0000000-0000-4000-8000-000000000005", name: "Whiteboard", path: "internal://board.png", selections: 0, codings: 0 }]);
    expect(read.notes.map((n) => [n.name, n.plainTextContent])).toEqual([
      ["On cost", "Cost comes up first & fast."],
      ["Project note", "Two interviews, one case."],
    ]);
    expect(read.projectNoteRefs).toEqual(["90000000-0000-4000-8000-000000000002"]);
  });

  it("reads a PDF's text representation as a text source that also answers to the PDF's GUID", () => {
    const read = project(
      P(`<Sources><PDFSource guid="11111111-1111-4111-8111-111111111111" name="Report.pdf" path="internal://r.pdf">
           <Representation guid="22222222-2222-4222-8222-222222222222" plainTextPath="internal://r.txt"/></PDFSource>
         <AudioSource guid="33333333-3333-4333-8333-333333333333" name="Call"><AudioSelection guid="44444444-4444-4444-8444-444444444444" begin="0" end="9"/></AudioSource></Sources>`),
    );
    expect(read.textSources).toMatchObject([{ guid: "22222222-2222-4222-8222-222222222222", aliases: ["11111111-1111-4111-8111-111111111111"], name: "Report.pdf" }]);
    expect(read.otherSources).toMatchObject([{ kind: "audio", name: "Call", selections: 1 }]);
  });

  it("refuses what makes references ambiguous or positions unreadable, naming the file, the part and the element", () => {
    expect(() => project(P('<Users><User guid="{AB000000-0000-4000-8000-000000000001}" name="A"/><User guid="ab000000-0000-4000-8000-000000000001" name="B"/></Users>'))).toThrow(
      /^study\.qdpx: project\.qde: the GUID ab000000-0000-4000-8000-000000000001 is used by two users, user "A" and user "B"/,
    );
    expect(() => project(P('<Sources><TextSource guid="s"><PlainTextSelection guid="x" name="q" startPosition="4.5" endPosition="9"/></TextSource></Sources>'))).toThrow(
      /A selection \("q"\) in source "s" has startPosition="4\.5", which is not a whole number\./,
    );
    expect(() => project(P('<CodeBook><Codes><Code name="No id" isCodable="true"/></Codes></CodeBook>'))).toThrow(/The code "No id" has no guid attribute\./);
    expect(() => project(P('<Sources><TextSource guid="s"><Coding guid="c"/></TextSource></Sources>'))).toThrow(/the coding c in source "s" names no code/);
    expect(() => project("<CodeBook/>")).toThrow(/this is a codebook \(\.qdc\), not a project/);
    expect(() => project("<Manuscript/>")).toThrow(/the root element is <Manuscript>, not the <Project> of a REFI-QDA project\./);
  });
});

describe("reading a .qdc", () => {
  const qdc = { fileName: "codebook.qdc", part: null };
  it("reads nested codes with colours and descriptions, and an empty <Sets/> as no sets", () => {
    const codebook = readCodebook(qdc, parseXml(fixture("codebook.qdc"), qdc, 64));
    expect(codebook.origin).toBe("Hand-written fixture 1.0");
    expect(codebook.sets).toBe(0);
    expect(codebook.codes.map((c) => [c.guid, c.name, c.color, c.children.map((k) => k.guid)])).toEqual([
      ["c1000000-0000-4000-8000-000000000001", "Reasons", "#1d4ed8", ["c1000000-0000-4000-8000-000000000002", "c1000000-0000-4000-8000-000000000003"]],
      ["c1000000-0000-4000-8000-000000000004", "Barriers", null, []],
    ]);
  });

  it("refuses a codebook without codes", () => {
    expect(() => readCodebook(qdc, parseXml('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', qdc, 64))).toThrow(/^codebook\.qdc: the codebook holds no codes\./);
  });
});
