import { describe, expect, it } from "vitest";
import type { RefiCoding, RefiProject, RefiSelection, RefiTextSource } from "../../../../lib/interop/refi/model";
import { buildImportPlan } from "../../../../lib/interop/refi/plan";
import { IMPORTER } from "../../../../lib/interop/refi/plan-types";
import type { TextLookup } from "../../../../lib/interop/refi/source-texts";
import { notImportedHeadline } from "../../../../lib/interop/refi/summary";
import { sliceByCodePoints } from "../../../../lib/transcripts/offsets";

const code = (guid: string, name: string, children: RefiProject["codes"] = []) => ({ guid, name, color: null, description: null, isCodable: true, noteRefs: [], children });
const coding = (guid: string, codeGuid: string, creatingUser: string | null = "u1", noteRefs: string[] = []): RefiCoding => ({ guid, codeGuid, creatingUser, noteRefs });
const selection = (guid: string, start: number, end: number, name: string | null, codings: RefiCoding[], extra: Partial<RefiSelection> = {}): RefiSelection => ({
  guid,
  name,
  start,
  end,
  description: null,
  creatingUser: null,
  codings,
  noteRefs: [],
  ...extra,
});
const source = (guid: string, selections: RefiSelection[], extra: Partial<RefiTextSource> = {}): RefiTextSource => ({
  kind: "text",
  guid,
  aliases: [],
  name: guid,
  plainTextPath: null,
  richTextPath: null,
  plainTextContent: null,
  description: null,
  selections,
  codings: [],
  noteRefs: [],
  variableValues: 0,
  ...extra,
});

function plan(parts: Partial<RefiProject>, texts: Record<string, string>) {
  const project: RefiProject = {
    name: "P",
    origin: "test",
    description: null,
    users: [{ guid: "u1", name: "Una", id: null }],
    codes: [code("c1", "Cost")],
    variables: [],
    cases: [],
    textSources: [],
    otherSources: [],
    notes: [],
    projectNoteRefs: [],
    ignored: { sets: 0, links: 0, graphs: 0 },
    ...parts,
  };
  const lookup: TextLookup = {
    texts: new Map(Object.entries(texts).map(([guid, raw]) => [guid, { raw, from: `sources/${guid}.txt`, encoding: "utf-8" }])),
    skipped: new Map(),
    notes: new Map(project.notes.map((n) => [n.guid, n.plainTextContent ?? ""])),
    warnings: [],
  };
  return buildImportPlan(project, lookup, { fileName: "t.qdpx" });
}

const warnings = (p: ReturnType<typeof plan>) => p.warnings.map((w) => `${w.kind}: ${w.message}`);

describe("placing selections", () => {
  it("detects a producer that counts a CRLF as one character from the quotes, and maps onto the normalized text", () => {
    const raw = "Q: Why?\r\nA: Because of the cost.\r\nQ: And?\r\nA: The people.";
    // Positions as a tool that reads "\r\n" as one character counts them.
    const oneCrlf = raw.replace(/\r\n/g, "\n");
    const at = (needle: string) => [oneCrlf.indexOf(needle), oneCrlf.indexOf(needle) + needle.length] as const;
    const p = plan({ textSources: [source("s", [selection("a", ...at("the cost"), "the cost", [coding("k1", "c1")]), selection("b", ...at("The people"), "The people", [coding("k2", "c1")])])] }, { s: raw });
    expect(p.documents[0].positions).toEqual({ convention: "Unicode code points, a CRLF counted once, the byte order mark not counted", own: false });
    expect(p.positions).toMatchObject({ basis: "quotes", alternative: "Unicode code points, a CRLF counted twice, the byte order mark not counted" });
    expect(p.codings.map((c) => [c.quote, sliceByCodePoints(p.documents[0].text, c.start, c.end)])).toEqual([
      ["the cost", "the cost"],
      ["The people", "The people"],
    ]);
    expect(warnings(p).filter((w) => w.startsWith("position"))).toEqual([]);
  });

  it("widens a span that splits a character to whole characters and lists it; skips a selection that covers nothing", () => {
    const raw = "I felt 🙂 about it.";
    // UTF-16 positions, as the quote shows: 8 is inside the emoji's surrogate pair.
    const p = plan({ textSources: [source("s", [selection("a", 8, 15, "🙂 about", [coding("k1", "c1")]), selection("b", 3, 3, null, [coding("k2", "c1")])])] }, { s: raw });
    expect(p.codings.map((c) => c.quote)).toEqual(["🙂 about"]);
    expect(warnings(p)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^position: "s", passage "🙂 about" at 7–14 \(Cost\): a bound fell inside a character/),
        'coding: A selection in "s" (positions 3–3) covers no text; its 1 coding(s) were not imported.',
      ]),
    );
  });

  it("merges exact repeats of a coding, and codes a whole source for a Coding without a selection", () => {
    const p = plan(
      { textSources: [source("s", [selection("a", 0, 5, null, [coding("k1", "c1")]), selection("b", 0, 5, null, [coding("k2", "c1"), coding("k3", "c1", "u2")])], { codings: [coding("k4", "c1", null)] })] },
      { s: "Hello world" },
    );
    expect(p.codings.map((c) => [c.key, c.userKey, c.start, c.end])).toEqual([
      ["k1", "u1", 0, 5],
      ["k3", "u2", 0, 5],
      ["k4", IMPORTER, 0, 11],
    ]);
    expect(warnings(p)).toEqual(
      expect.arrayContaining([
        "coding: 1 coding(s) repeated another by the same user with the same code on the same passage and were merged into it.",
        'user: Work is credited to a user the file does not list (u2); an analyst "Coder u2" stands for them.',
        "user: 1 coding(s) or note(s) name no user; they were credited to you.",
      ]),
    );
    expect(p.users.map((u) => u.name)).toEqual(["Una", "Coder u2"]);
  });
});

describe("the rest of a project", () => {
  it("renames repeated sibling codes and cases, converts or skips values by the variable's type, and lists what it leaves out", () => {
    const p = plan(
      {
        codes: [code("c1", "Cost", [code("c2", "Price"), code("c3", "price")]), code("c4", "Cost")],
        variables: [
          { guid: "v1", name: "size", type: "Integer", description: null },
          { guid: "v2", name: "remote", type: "Boolean", description: null },
          { guid: "v3", name: "size", type: "Text", description: null },
        ],
        cases: [
          { guid: "k1", name: "P1", description: null, values: [{ variableGuid: "v1", value: { kind: "text", value: "12" }, raw: "12" }, { variableGuid: "v2", value: { kind: "text", value: "maybe" }, raw: "maybe" }], sourceRefs: ["s"], selectionRefs: 0, codeRefs: 0 },
          { guid: "k2", name: "P1", description: null, values: [{ variableGuid: "v9", value: { kind: "text", value: "x" }, raw: "x" }], sourceRefs: ["s", "nowhere"], selectionRefs: 2, codeRefs: 0 },
        ],
        textSources: [source("s", [], { variableValues: 3 })],
        ignored: { sets: 2, links: 1, graphs: 0 },
      },
      { s: "text" },
    );
    expect(p.codes.map((c) => c.name)).toEqual(["Cost", "Price", "price (2)", "Cost (2)"]);
    expect(p.attributes.map((a) => [a.name, a.type])).toEqual([
      ["size", "number"],
      ["remote", "boolean"],
      ["size (2)", "text"],
    ]);
    expect(p.cases.map((c) => [c.name, c.values])).toEqual([
      ["P1", [{ attributeKey: "v1", numberValue: 12 }]],
      ["P1 (2)", []],
    ]);
    expect(p.documents[0].caseKey).toBe("k1");
    expect(warnings(p)).toEqual(
      expect.arrayContaining([
        'code: Two codes at the same level are called "price"; the second was renamed "price (2)".',
        'case: Case "P1": the value "maybe" of "remote" is not a boolean value; it was skipped.',
        'case: Case "P1 (2)" has a value for a variable the file does not define (v9); it was skipped.',
        'case: A document belongs to more than one case in the file; in Grounded it stays with the first, not "P1 (2)".',
        'case: Case "P1 (2)" lists a source the file does not contain (nowhere).',
        'case: Case "P1 (2)" is linked to 2 passage(s) and 0 code(s); Grounded links cases to whole documents, so those links were not imported.',
        "ignored: 3 variable value(s) are set on sources rather than cases; Grounded keeps attributes on cases, so they were not imported.",
        "ignored: The file's 2 set(s) were not imported; Grounded has no equivalent.",
        "ignored: The file's 1 link(s) were not imported; Grounded has no equivalent.",
      ]),
    );
  });

  it("attaches each note to its first and most specific item, unreferenced notes to the project", () => {
    const note = (guid: string, creatingUser: string | null = null) => ({ guid, name: guid, creatingUser, plainTextPath: null, plainTextContent: `body ${guid}` });
    const p = plan(
      {
        codes: [{ ...code("c1", "Cost"), noteRefs: ["n3", "n1"] }],
        textSources: [source("s", [selection("a", 0, 5, null, [coding("k1", "c1", "u1", ["n1"])], { noteRefs: ["n2"] })], { noteRefs: ["n4", "ghost"] })],
        notes: [note("n1", "u1"), note("n2"), note("n3"), note("n4"), note("n5")],
      },
      { s: "Hello world" },
    );
    expect(p.memos.map((m) => [m.title, m.target, m.authorKey])).toEqual([
      ["n1", { kind: "coding", key: "k1" }, "u1"],
      ["n2", { kind: "coding", key: "k1" }, IMPORTER],
      ["n3", { kind: "code", key: "c1" }, IMPORTER],
      ["n4", { kind: "document", key: "s" }, IMPORTER],
      ["n5", { kind: "project" }, IMPORTER],
    ]);
    expect(warnings(p)).toEqual(
      expect.arrayContaining([
        "memo: 1 note reference(s) pointed at a note already attached elsewhere; each memo is attached to its first item only.",
        "memo: 1 note reference(s) pointed at notes the file does not contain.",
      ]),
    );
  });

  it("refuses a coding whose code the codebook lacks, and a selection outside its text", () => {
    expect(() => plan({ textSources: [source("s", [selection("a", 0, 5, null, [coding("k1", "c9")])])] }, { s: "Hello world" })).toThrow(
      /^t\.qdpx: the coding k1 in source "s" refers to the code c9, which the codebook does not contain\./,
    );
    expect(() => plan({ textSources: [source("s", [selection("a", 6, 12, "world!", [coding("k1", "c1")])])] }, { s: "Hello world" })).toThrow(
      /^t\.qdpx: the selection "world!" in source "s" runs from 6 to 12, beyond the end of its text \(11 characters/,
    );
    expect(() => plan({ textSources: [source("s", [selection("a", 6, 2, null, [coding("k1", "c1")])])] }, { s: "Hello world" })).toThrow(/ends \(2\) before it starts \(6\)/);
  });
});

describe("coders and what was left out", () => {
  it("credits each coding to the user who made its selection, and plans every user of the file, with codings or not", () => {
    // One producer writes every Coding with one user (and one earlier timestamp): the selection's user made it.
    const p = plan(
      {
        users: [
          { guid: "u1", name: "Una", id: null },
          { guid: "u2", name: "Ugo", id: null },
          { guid: "admin", name: "Project admin", id: null },
          { guid: "idle", name: "Idle Ida", id: null },
        ],
        textSources: [
          source("s", [
            selection("a", 0, 5, null, [coding("k1", "c1", "admin")], { creatingUser: "u1" }),
            selection("b", 6, 11, null, [coding("k2", "c1", "admin")], { creatingUser: "u2" }),
            selection("c", 13, 17, null, [coding("k3", "c1", "admin")]),
          ]),
        ],
      },
      { s: "Hello world, more" },
    );
    expect(p.codings.map((c) => [c.quote, c.userKey, c.refiGuid])).toEqual([
      ["Hello", "u1", "a"],
      ["world", "u2", "b"],
      ["more", "admin", "c"],
    ]);
    expect(p.users.map((u) => u.name)).toEqual(["Una", "Ugo", "Project admin", "Idle Ida"]);
    expect(warnings(p)).toContain("user: 2 coding(s) name a different user than their selection; each was credited to the selection's user, who made it.");
  });

  it("counts what was not imported by kind: codings on unread and media sources, on empty selections, sets and links", () => {
    const project: Partial<RefiProject> = {
      textSources: [
        source("s", [selection("a", 0, 5, null, [coding("k1", "c1")]), selection("e", 3, 3, null, [coding("k2", "c1"), coding("k3", "c1")])]),
        source("gone", [selection("g", 0, 5, null, [coding("k4", "c1"), coding("k5", "c1")])]),
      ],
      otherSources: [
        { kind: "picture", guid: "p", name: "Board", path: null, selections: 1, codings: 3 },
        { kind: "audio", guid: "au", name: "Tape", path: null, selections: 1, codings: 1 },
        { kind: "pdf", guid: "pdf", name: "Scan", path: null, selections: 0, codings: 0 },
      ],
      ignored: { sets: 2, links: 1, graphs: 0 },
    };
    const p = plan(project, { s: "Hello world" });
    expect(p.notImported.map((n) => [n.kind, n.count])).toEqual([
      ["unread-source", 2],
      ["picture", 3],
      ["audio", 1],
      ["empty-selection", 2],
      ["set", 2],
      ["link", 1],
    ]);
    expect(notImportedHeadline(p.notImported)).toBe(
      "Not imported: 2 codings on sources whose text is not in the archive, 3 codings on pictures, 1 coding on audio, 2 codings on selections that cover no text, 2 sets and 1 link.",
    );
    expect(notImportedHeadline([])).toBe("Everything in the file that Grounded can hold was imported.");
  });
});
