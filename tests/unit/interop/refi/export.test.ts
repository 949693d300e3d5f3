import { describe, expect, it } from "vitest";
import type { ExportData } from "../../../../lib/interop/refi/data";
import { buildCodebookQdc } from "../../../../lib/interop/refi/export-codebook";
import { buildProjectQde, decimal } from "../../../../lib/interop/refi/export-project";
import { refiGuid } from "../../../../lib/interop/refi/guid";
import { readProject } from "../../../../lib/interop/refi/read-project";
import { parseXml } from "../../../../lib/interop/refi/xml-read";
import { codePointLength } from "../../../../lib/transcripts/offsets";
import { schemaErrors } from "./fixtures";

const at = new Date("2026-01-02T03:04:05.000Z");
const text = "Interviewer: Tell me.\nZoë: It cost 🙂 a lot, \"truly\" <really> & more.";
const cp = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
const code = (id: string, name: string, parentId: string | null, extra: Partial<ExportData["codes"][number]> = {}) => ({
  id,
  refiGuid: null as string | null,
  parentId,
  name,
  colour: "#2563eb",
  description: "",
  inclusion: "",
  exclusion: "",
  example: "",
  ...extra,
});

const data: ExportData = {
  project: { id: "p1", name: "A & B <study>", description: "Line one\nline two", createdAt: at, updatedAt: at },
  users: [{ id: "u1", name: "Zoë \"Z\" Analyst", email: "zoe@example.org" }],
  codes: [
    code("c1", "Money & cost", null, { description: "Parent.", inclusion: "Any cost.", colour: "#ABC" }),
    code("c2", "Price <exact>", "c1"),
    code("c3", "Orphan", "deleted-parent", { colour: "not a colour" }),
    code("c4", "Loop A", "c5"),
    code("c5", "Loop B", "c4"),
  ],
  attributes: [
    { id: "a1", refiGuid: null, name: "size", type: "number", categories: [] },
    { id: "a2", refiGuid: null, name: "share", type: "number", categories: [] },
    { id: "a3", refiGuid: null, name: "remote", type: "boolean", categories: [] },
    { id: "a4", refiGuid: null, name: "sector", type: "category", categories: ["one", "two"] },
    { id: "a5", refiGuid: null, name: "bad categories", type: "category", categories: ["line\nbreak"] },
  ],
  cases: [
    {
      id: "k1",
      refiGuid: null,
      name: "P01",
      description: "",
      values: [
        { attributeId: "a1", textValue: null, numberValue: 8, booleanValue: null },
        { attributeId: "a2", textValue: null, numberValue: 1e-7, booleanValue: null },
        { attributeId: "a3", textValue: null, numberValue: null, booleanValue: false },
        { attributeId: "a4", textValue: "two", numberValue: null, booleanValue: null },
      ],
    },
  ],
  documents: [{ id: "d1", refiGuid: null, title: "Zoë's interview", text, textLength: codePointLength(text), caseId: "k1", createdAt: at }],
  codings: [
    { id: "g1", refiGuid: null, documentId: "d1", codeId: "c2", coderId: "u1", start: cp("cost"), end: cp("cost") + 11, quote: "cost 🙂 a l", memo: "A memo\nwith a break", createdAt: at },
    { id: "g2", refiGuid: null, documentId: "d1", codeId: "c1", coderId: "u1", start: cp('"truly"'), end: text.length - 1, quote: '"truly" <really> & more', memo: "", createdAt: at },
  ],
  memos: [
    { id: "m1", refiGuid: null, authorId: "u1", documentId: null, codeId: null, codingId: null, caseId: null, title: "Project", body: "About the study\r\n& more", createdAt: at },
    { id: "m2", refiGuid: null, authorId: "u1", documentId: "d1", codeId: null, codingId: null, caseId: null, title: "", body: "On the document", createdAt: at },
    { id: "m3", refiGuid: null, authorId: "u1", documentId: null, codeId: "c2", codingId: null, caseId: null, title: "On a code", body: "x", createdAt: at },
    { id: "m4", refiGuid: null, authorId: "u1", documentId: "d1", codeId: "c2", codingId: "g1", caseId: null, title: "On a coding", body: "y", createdAt: at },
  ],
};
data.codings[1].end = codePointLength(text) - 1;

describe("building project.qde", () => {
  const { qde, sources } = buildProjectQde(data);
  const where = { fileName: "x.qdpx", part: "project.qde" };
  const read = readProject(where, parseXml(qde, where, 64));

  it("is valid against Project.xsd even with markup, line breaks, emoji, odd colours and a code cycle in the data", async () => {
    expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
  });

  it("keeps names, quotes and memos exactly, and positions in code points", () => {
    expect(read.name).toBe("A & B <study>");
    expect(read.description).toBe("Line one\nline two");
    const [first, second] = read.textSources[0].selections;
    expect(first).toMatchObject({ name: "cost 🙂 a l", start: data.codings[0].start, end: data.codings[0].end, description: "A memo\nwith a break" });
    expect(second.name).toBe('"truly" <really> & more');
    expect(sources).toEqual([{ path: `sources/${refiGuid("source", "d1")}.txt`, text }]);
    expect(read.notes.map((n) => n.plainTextContent)).toEqual(["About the study\r\n& more", "On the document", "x", "y"]);
    expect(first.codings[0].noteRefs).toEqual([refiGuid("note", "m4")]);
    expect(read.textSources[0].noteRefs).toEqual([refiGuid("note", "m2")]);
    expect(read.projectNoteRefs).toEqual([refiGuid("note", "m1")]);
  });

  it("writes every code once: orphans and codes in a cycle at the top, only valid colours", () => {
    const names = (codes: typeof read.codes): string[] => codes.flatMap((c) => [c.name, ...names(c.children).map((n) => `${c.name} > ${n}`)]);
    expect(names(read.codes)).toEqual(["Money & cost", "Money & cost > Price <exact>", "Orphan", "Loop A", "Loop A > Loop B"]);
    expect(read.codes.map((c) => c.color)).toEqual(["#ABC", null, "#2563eb"]);
    expect(read.codes[0].description).toBe("Parent.\n\nInclusion: Any cost.");
    expect(read.codes[0].children[0].noteRefs).toEqual([refiGuid("note", "m3")]);
  });

  it("types variables: whole numbers Integer, others Float without exponents, categories listed when they fit", () => {
    expect(read.variables.map((v) => [v.name, v.type, v.description])).toEqual([
      ["size", "Integer", null],
      ["share", "Float", null],
      ["remote", "Boolean", null],
      ["sector", "Text", "Categories, in order:\none\ntwo"],
      ["bad categories", "Text", null],
    ]);
    expect(qde).toContain("<FloatValue>0.0000001</FloatValue>");
    expect(read.cases[0].values.map((v) => v.value)).toEqual([
      { kind: "number", value: 8, integer: true },
      { kind: "number", value: 1e-7, integer: false },
      { kind: "boolean", value: false },
      { kind: "text", value: "two" },
    ]);
  });
});

describe("numbers as xsd:decimal", () => {
  it("never uses exponent notation", () => {
    expect([decimal(1e-7), decimal(-2.5e-8), decimal(1.5e21), decimal(3.25), decimal(-0.5), decimal(12)]).toEqual([
      "0.0000001",
      "-0.000000025",
      "1500000000000000000000",
      "3.25",
      "-0.5",
      "12",
    ]);
  });
});

describe("building a .qdc", () => {
  it("is valid against Codebook.xsd and refuses an empty codebook", async () => {
    expect(await schemaErrors("Codebook.xsd", buildCodebookQdc(data.codes))).toEqual([]);
    expect(() => buildCodebookQdc([])).toThrow(/no codes yet/);
  });
});
