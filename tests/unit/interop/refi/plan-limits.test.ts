import { describe, expect, it } from "vitest";
import { createCodeSchema, updateCodeSchema } from "../../../../lib/codes/schema";
import { importFileOptionsSchema } from "../../../../lib/documents/import-schema";
import type { RefiCode, RefiProject, RefiSelection, RefiTextSource } from "../../../../lib/interop/refi/model";
import { buildImportPlan } from "../../../../lib/interop/refi/plan";
import { countCodes } from "../../../../lib/interop/refi/plan-codes";
import { maxImportCodes, shorten } from "../../../../lib/interop/refi/plan-limits";
import type { TextLookup } from "../../../../lib/interop/refi/source-texts";

// Issue 13.3: what an import brings obeys the limits of the app's own forms, and a codebook
// of more codes than one import may bring is refused with a message that says so.

const code = (guid: string, name: string, children: RefiCode[] = [], description: string | null = null): RefiCode => ({ guid, name, color: null, description, isCodable: true, noteRefs: [], children });
const selection = (guid: string, start: number, end: number, description: string | null, codeGuid: string): RefiSelection => ({
  guid, name: null, start, end, description, creatingUser: null, codings: [{ guid: `${guid}-k`, codeGuid, creatingUser: "u1", noteRefs: [] }], noteRefs: [],
});
const source = (guid: string, name: string, selections: RefiSelection[]): RefiTextSource => ({
  kind: "text", guid, aliases: [], name, plainTextPath: null, richTextPath: null, plainTextContent: null, description: null, selections, codings: [], noteRefs: [], variableValues: 0,
});

function plan(parts: Partial<RefiProject>, texts: Record<string, string> = {}) {
  const project: RefiProject = {
    name: "P", origin: "test", description: null, users: [{ guid: "u1", name: "Una", id: null }], codes: [code("c1", "Cost")],
    variables: [], cases: [], textSources: [], otherSources: [], notes: [], projectNoteRefs: [], ignored: { sets: 0, links: 0, graphs: 0 }, ...parts,
  };
  const lookup: TextLookup = {
    texts: new Map(Object.entries(texts).map(([guid, raw]) => [guid, { raw, from: `sources/${guid}.txt`, encoding: "utf-8" }])),
    skipped: new Map(), notes: new Map(), warnings: [],
  };
  return buildImportPlan(project, lookup, { fileName: "big.qdpx" });
}

describe("imported codes obey the codebook form's limits", () => {
  it("shortens a name and each definition text to what the code form accepts, and says which code", () => {
    const long = "Trust in the vendor ".repeat(20); // 400 characters
    const description = `${"d".repeat(6000)}\n\nInclusion: ${"i".repeat(5001)}\n\nExample: short`;
    const result = plan({ codes: [code("c1", long, [], description)] });
    const [planned] = result.codes;
    expect(planned.name.length).toBeLessThanOrEqual(200);
    expect(planned.name.endsWith("…")).toBe(true);
    expect(planned.description.length).toBe(5000);
    expect(planned.inclusion.length).toBe(5000);
    expect(planned.example).toBe("short");
    // Exactly what the app's own forms accept.
    expect(createCodeSchema.safeParse({ projectId: "p", name: planned.name, description: planned.description }).success).toBe(true);
    expect(updateCodeSchema.safeParse({ projectId: "p", codeId: "c", inclusion: planned.inclusion }).success).toBe(true);
    const messages = result.warnings.map((w) => w.message).join("\n");
    expect(messages).toMatch(/1 code name\(s\) longer than 200 characters .* shortened: "Trust in the vendor/);
    expect(messages).toMatch(/2 code definition text\(s\) .* longer than 5,000 characters/);
  });

  it("keeps two long names that differ only past the limit apart, within the limit", () => {
    const stem = "x".repeat(250);
    const result = plan({ codes: [code("c1", `${stem}a`), code("c2", `${stem}b`)] });
    const [a, b] = result.codes.map((c) => c.name);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(200);
    expect(b.length).toBeLessThanOrEqual(200);
    expect(b.endsWith("(2)")).toBe(true);
  });

  it("names a few of many shortened items in one warning, not one warning each", () => {
    const codes = Array.from({ length: 1000 }, (_, i) => code(`c${i}`, `${i} ${"n".repeat(300)}`));
    const result = plan({ codes });
    const cut = result.warnings.filter((w) => w.message.includes("code name(s)"));
    expect(cut).toHaveLength(1);
    expect(cut[0].message).toMatch(/^1000 code name\(s\).*and 995 more\.$/);
  });

  it("does not cut a character in half", () => {
    expect(shorten(`${"a".repeat(8)}😀😀`, 10)).toBe(`${"a".repeat(8)}…`);
    expect(shorten("short", 10)).toBe("short");
  });
});

describe("imported cases, documents and memos obey the forms' limits", () => {
  it("shortens case names and descriptions, variable names, category values, source titles and coding memos", () => {
    const result = plan(
      {
        variables: [{ guid: "v1", name: "V".repeat(300), type: "Text", description: `Categories, in order:\n${"k".repeat(300)}` }],
        cases: [{ guid: "k1", name: "C".repeat(300), description: "D".repeat(6000), values: [{ variableGuid: "v1", value: { kind: "text", value: "k".repeat(300) }, raw: "" }], sourceRefs: [], selectionRefs: 0, codeRefs: 0 }],
        textSources: [source("s1", "T".repeat(400), [selection("sel1", 0, 5, "m".repeat(30_000), "c1")])],
      },
      { s1: "Hello world" },
    );
    expect(result.attributes[0].name.length).toBeLessThanOrEqual(200);
    expect(result.attributes[0].categories.every((c) => c.length <= 200)).toBe(true);
    expect(result.attributes[0].categories).toHaveLength(1); // the listed category and the value are the same once shortened
    expect(result.cases[0].name.length).toBeLessThanOrEqual(200);
    expect(result.cases[0].description.length).toBeLessThanOrEqual(5000);
    expect(result.cases[0].values[0]).toMatchObject({ textValue: result.attributes[0].categories[0] });
    const title = result.documents[0].title;
    expect(importFileOptionsSchema.shape.title.safeParse(title).success).toBe(true);
    expect(result.codings[0].memo.length).toBeLessThanOrEqual(20_000);
    const messages = result.warnings.map((w) => w.message).join("\n");
    for (const what of ["variable name", "case name", "case description", "category value", "source title", "coding memo"]) expect(messages).toContain(`${what}(s)`);
  });
});

describe("the number of codes in one import is capped", () => {
  const tree = (roots: number, children: number) =>
    Array.from({ length: roots }, (_, r) => code(`r${r}`, `Root ${r}`, Array.from({ length: children }, (_, c) => code(`r${r}c${c}`, `Child ${c}`))));

  it("counts codes at every level", () => {
    expect(countCodes(tree(3, 4))).toBe(15);
  });

  it("refuses a codebook over GROUNDED_MAX_CODES, saying how many and what the limit is", () => {
    const before = process.env.GROUNDED_MAX_CODES;
    process.env.GROUNDED_MAX_CODES = "100";
    try {
      expect(() => plan({ codes: tree(10, 10) })).toThrow(/big\.qdpx: its codebook has 110 codes, more than the 100 one import may bring \(GROUNDED_MAX_CODES/);
      expect(plan({ codes: tree(9, 10) }).codes).toHaveLength(99);
    } finally {
      if (before === undefined) delete process.env.GROUNDED_MAX_CODES;
      else process.env.GROUNDED_MAX_CODES = before;
    }
  });

  it("defaults to 20,000 and ignores a value that is not a positive whole number", () => {
    expect(maxImportCodes({})).toBe(20_000);
    expect(maxImportCodes({ GROUNDED_MAX_CODES: "abc" })).toBe(20_000);
    expect(maxImportCodes({ GROUNDED_MAX_CODES: "5000" })).toBe(5000);
  });

  it("renames 5,000 siblings of one name without trying every earlier number each time", () => {
    const result = plan({ codes: Array.from({ length: 5000 }, (_, i) => code(`c${i}`, "Same")) });
    expect(new Set(result.codes.map((c) => c.name.toLowerCase())).size).toBe(5000);
    expect(result.codes[4999].name).toBe("Same (5000)");
  });
});
