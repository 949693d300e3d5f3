import { describe, expect, it } from "vitest";
import { CONVENTIONS, detectConvention, type PositionConvention } from "../../../../lib/interop/positions";
import type { RefiCoding, RefiProject, RefiSelection, RefiTextSource } from "../../../../lib/interop/refi/model";
import { buildImportPlan } from "../../../../lib/interop/refi/plan";
import type { TextLookup } from "../../../../lib/interop/refi/source-texts";
import { normalizeText, sliceByCodePoints } from "../../../../lib/transcripts/offsets";

// Producer styles, written as each counts: .NET (NVivo-like) UTF-16 units with CRLF as two
// and the BOM not counted; a Python tool (QualCoder-like) code points; a tool that reads
// lines (CRLF as one) and counts the BOM.
const DOTNET: PositionConvention = { unit: "utf16", crlf: "two", bom: "not-counted" };
const PYTHON: PositionConvention = { unit: "codepoint", crlf: "two", bom: "not-counted" };
const LINES_WITH_BOM: PositionConvention = { unit: "codepoint", crlf: "one", bom: "counted" };

/** Where `needle` (its nth occurrence) sits in `raw`, counted as `c` counts. */
function positionsOf(raw: string, needle: string, c: PositionConvention, nth = 0): [number, number] {
  let index = -1;
  for (let k = 0; k <= nth; k++) index = raw.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`no "${needle}" in the text`);
  const count = (prefix: string) => {
    let n = 0;
    let i = 0;
    if (prefix.charCodeAt(0) === 0xfeff) {
      n += c.bom === "counted" ? 1 : 0;
      i = 1;
    }
    while (i < prefix.length) {
      const code = prefix.charCodeAt(i);
      if (code === 0x0d && prefix[i + 1] === "\n") {
        n += c.crlf === "two" ? 2 : 1;
        i += 2;
      } else if (code >= 0xd800 && code <= 0xdbff) {
        n += c.unit === "utf16" ? 2 : 1;
        i += 2;
      } else {
        n++;
        i++;
      }
    }
    return n;
  };
  return [count(raw.slice(0, index)), count(raw.slice(0, index + needle.length))];
}

const coding = (guid: string, creatingUser: string | null = "u1"): RefiCoding => ({ guid, codeGuid: "c1", creatingUser, noteRefs: [] });
const selection = (guid: string, [start, end]: [number, number], name: string | null, codings: RefiCoding[], creatingUser: string | null = null): RefiSelection => ({
  guid,
  name,
  start,
  end,
  description: null,
  creatingUser,
  codings,
  noteRefs: [],
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

function plan(parts: Partial<RefiProject>, texts: Record<string, string>, skipped: Record<string, string> = {}) {
  const project: RefiProject = {
    name: "P",
    origin: null,
    description: null,
    users: [{ guid: "u1", name: "Una", id: null }],
    codes: [{ guid: "c1", name: "Cost", color: null, description: null, isCodable: true, noteRefs: [], children: [] }],
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
    skipped: new Map(Object.entries(skipped)),
    notes: new Map(),
    warnings: [],
  };
  return buildImportPlan(project, lookup, { fileName: "t.qdpx" });
}

/** The text each coding landed on, by source. */
const placedText = (p: ReturnType<typeof plan>) =>
  Object.fromEntries(p.codings.map((c) => [c.documentKey, sliceByCodePoints(p.documents.find((d) => d.key === c.documentKey)!.text, c.start, c.end)]));

// A source whose one selection tells the conventions apart (an emoji before it puts a code
// point reading inside a word) and one whose selection falls between spaces however it is
// read ("b" or " "), so it says nothing on its own.
const telling = (i: number) => `\uFEFFInterviewer: Hi 😀😀 number ${i}\r\n\r\nRespondent: I love my work 😀 really.\r\n`;
const silent = (i: number) => `\uFEFF😀 a b c d\r\nend ${i}\r\n`;

describe("one position convention per file", () => {
  it("pools many sources with one coding each: the silent ones are read as the telling ones show (UTF-16, CRLF, BOM)", () => {
    const sources: RefiTextSource[] = [];
    const texts: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      const guid = `s${i}`;
      texts[guid] = i % 3 === 2 ? silent(i) : telling(i);
      const needle = i % 3 === 2 ? "b" : "love my";
      sources.push(source(guid, [selection(`x${i}`, positionsOf(texts[guid], needle, DOTNET), null, [coding(`k${i}`)])]));
    }
    // On its own, a silent source would be read the standard's way and its coding would land on a space.
    expect(detectConvention(silent(2), normalizeText(silent(2)), [{ start: positionsOf(silent(2), "b", DOTNET)[0], end: positionsOf(silent(2), "b", DOTNET)[1] }]).convention).toEqual(PYTHON);

    const p = plan({ textSources: sources }, texts);
    expect(Object.values(placedText(p))).toEqual(Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? "b" : "love my")));
    expect(p.positions).toMatchObject({ convention: "UTF-16 code units, a CRLF counted twice, the byte order mark not counted", strength: "strong", basis: "bounds", overrides: [], sample: [], ambiguous: [] });
    expect(p.positions!.ambiguousTotal).toBeGreaterThan(0);
    expect(p.documents.every((d) => d.positions?.own === false)).toBe(true);
    expect(p.warnings.filter((w) => w.kind === "position")).toEqual([]);
  });

  it("reads a tool that counts lines (CRLF as one) and the BOM from its quotations, with emoji before and after each selection", () => {
    const texts: Record<string, string> = {};
    const sources = [0, 1, 2].map((i) => {
      const raw = `\uFEFFQ: Why? 🙂\r\nA: Because of the cost ${i}. 🙂\r\nQ: And?\r\nA: The people 🙂 mostly.`;
      texts[`s${i}`] = raw;
      return source(`s${i}`, [
        selection(`a${i}`, positionsOf(raw, `the cost ${i}`, LINES_WITH_BOM), `the cost ${i}`, [coding(`k${i}a`)]),
        selection(`b${i}`, positionsOf(raw, "The people 🙂 mostly", LINES_WITH_BOM), "The people 🙂 mostly", [coding(`k${i}b`)]),
      ]);
    });
    const p = plan({ textSources: sources, origin: "Some tool 2.0" }, texts);
    expect(p.positions).toMatchObject({ convention: "Unicode code points, a CRLF counted once, the byte order mark counted", basis: "quotes", strength: "strong" });
    expect(p.codings.map((c) => c.quote)).toEqual(["the cost 0", "The people 🙂 mostly", "the cost 1", "The people 🙂 mostly", "the cost 2", "The people 🙂 mostly"]);
    expect(p.positions!.explanation).toMatch(/^Positions read as Unicode code points, a CRLF counted once, the byte order mark counted for the whole file \(3 sources pooled\).*6 stored quotation\(s\) match this way/);
  });

  it("says when the evidence is weak, shows a sample, and lists every coding the runner-up reads differently, with both texts", () => {
    const raw0 = "I felt 😀 fine. We pay a lot.";
    const raw1 = "Costs 😀 rose. They left.";
    const p = plan(
      {
        users: [{ guid: "u1", name: "Una", id: null }, { guid: "u2", name: "Ugo", id: null }],
        textSources: [
          source("s0", [selection("a", positionsOf(raw0, "We pay", DOTNET), null, [coding("k0")], "u1")]),
          source("s1", [selection("b", positionsOf(raw1, "They left", DOTNET), null, [coding("k1")], "u2")]),
        ],
      },
      { s0: raw0, s1: raw1 },
    );
    expect(p.positions).toMatchObject({ strength: "weak", convention: "UTF-16 code units, a CRLF counted twice, the byte order mark not counted", alternative: "Unicode code points, a CRLF counted twice, the byte order mark not counted" });
    expect(p.positions!.sample.map((s) => [s.source, s.quote])).toEqual([
      ["s0", "We pay"],
      ["s1", "They left"],
    ]);
    expect(p.positions!.ambiguous).toEqual([
      { source: "s0", codes: "Cost", coders: "Una", start: 15, end: 21, chosen: "We pay", alternative: "e pay " },
      { source: "s1", codes: "Cost", coders: "Ugo", start: 14, end: 23, chosen: "They left", alternative: "hey left." },
    ]);
    expect(p.positions!.ambiguousTotal).toBe(2);
  });

  it("breaks a tie by the producer the origin names, and says the reading is weak", () => {
    const raw = "😀 a b c d";
    const make = (origin: string) => plan({ origin, textSources: [source("s", [selection("a", [5, 6], null, [coding("k")])])] }, { s: raw });
    const nvivo = make("NVivo 14 (Windows)");
    expect(nvivo.positions).toMatchObject({ basis: "producer", strength: "weak", convention: "UTF-16 code units, a CRLF counted twice, the byte order mark not counted" });
    expect(nvivo.codings[0].quote).toBe("b");
    expect(nvivo.positions!.ambiguous).toEqual([expect.objectContaining({ chosen: "b", alternative: " " })]);
    const qualcoder = make("QualCoder 3.6");
    expect(qualcoder.positions).toMatchObject({ basis: "producer", strength: "weak", convention: "Unicode code points, a CRLF counted twice, the byte order mark not counted" });
    expect(qualcoder.codings[0].quote).toBe(" ");
  });

  it("lets a source keep its own reading only when its own evidence is strong and contradicts the file's", () => {
    const texts: Record<string, string> = {};
    const sources = Array.from({ length: 20 }, (_, i) => {
      texts[`s${i}`] = telling(i);
      return source(`s${i}`, [selection(`x${i}`, positionsOf(telling(i), "love my", DOTNET), null, [coding(`k${i}`)])]);
    });
    // A source pasted in from a code point tool: three quotations that match only that way.
    const pasted = "Intro 😀 first 😀 second 😀 third part.";
    texts.p = pasted;
    sources.push(source("p", ["first", "second", "third part"].map((q, i) => selection(`p${i}`, positionsOf(pasted, q, PYTHON), q, [coding(`kp${i}`)]))));
    // And one with a single weak contrary hint: it follows the file.
    const weak = "Note 😀 end.";
    texts.w = weak;
    sources.push(source("w", [selection("w0", positionsOf(weak, "end", PYTHON), null, [coding("kw")])]));

    const p = plan({ textSources: sources }, texts);
    expect(p.positions).toMatchObject({ convention: "UTF-16 code units, a CRLF counted twice, the byte order mark not counted", overrides: [{ source: "p", convention: "Unicode code points, a CRLF counted twice, the byte order mark not counted" }] });
    expect(p.documents.find((d) => d.key === "p")!.positions).toEqual({ convention: "Unicode code points, a CRLF counted twice, the byte order mark not counted", own: true });
    expect(p.documents.find((d) => d.key === "w")!.positions?.own).toBe(false);
    expect(p.codings.filter((c) => c.documentKey === "p").map((c) => c.quote)).toEqual(["first", "second", "third part"]);
    expect(p.codings.find((c) => c.documentKey === "w")!.quote).toBe(" en");
  });

  it("needs no decision when no text lets the conventions differ", () => {
    const p = plan({ textSources: [source("s", [selection("a", [0, 5], null, [coding("k")])])] }, { s: "Hello world" });
    expect(p.positions).toMatchObject({ strength: "moot", alternative: null, ambiguous: [], ambiguousTotal: 0 });
    expect(CONVENTIONS).toHaveLength(8);
  });
});
