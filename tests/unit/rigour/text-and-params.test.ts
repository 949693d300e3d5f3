import { describe, expect, it } from "vitest";
import { coderVisibility, maySee, seesAll } from "../../../lib/rigour/blind";
import type { AgreementRow } from "../../../lib/rigour/agreement-table";
import { formatCoefficient, methodsParagraph } from "../../../lib/rigour/methods";
import { readAgreementParams, readDisagreementParams, toSearch } from "../../../lib/rigour/params";
import { documentSegments, paragraphSegments } from "../../../lib/rigour/segments";

describe("segments", () => {
  it("are the speaker turns when there are any, sorted, empty ones dropped", () => {
    expect(documentSegments("x".repeat(50), 50, [{ start: 20, end: 40 }, { start: 0, end: 10 }, { start: 12, end: 12 }])).toEqual({
      source: "turns",
      segments: [{ start: 0, end: 10 }, { start: 20, end: 40 }],
    });
  });

  it("are the paragraphs otherwise, in code points (an emoji is one), trimmed", () => {
    const text = "  First 🙂 para.\nstill first.\n \n\nSecond.  \n\n";
    expect(paragraphSegments(text)).toEqual([
      { start: 2, end: 28 },
      { start: 32, end: 39 },
    ]);
    expect([...text].slice(2, 28).join("")).toBe("First 🙂 para.\nstill first.");
    expect(documentSegments(text, [...text].length, []).source).toBe("paragraphs");
  });

  it("are the whole text when it has neither", () => {
    expect(documentSegments("   ", 3, [])).toEqual({ source: "paragraphs", segments: [{ start: 0, end: 3 }] });
    expect(documentSegments("", 0, [])).toEqual({ source: "paragraphs", segments: [] });
  });
});

describe("blind mode's rule", () => {
  it("shows an analyst their own codings, a viewer none, an owner all, and everyone all when not blind", () => {
    expect(coderVisibility({ id: "ana", role: "analyst" }, true)).toEqual(["ana"]);
    expect(coderVisibility({ id: "vic", role: "viewer" }, true)).toEqual([]);
    expect(coderVisibility({ id: "olivia", role: "owner" }, true)).toBe("all");
    for (const role of ["analyst", "viewer", "owner"] as const) expect(coderVisibility({ id: "x", role }, false)).toBe("all");
    expect(seesAll(["ana"], ["ana", "ben"])).toBe(false);
    expect(seesAll("all", ["ana", "ben"])).toBe(true);
    expect(maySee(["ana"], "ben")).toBe(false);
  });
});

describe("the methods paragraph", () => {
  const row = (codeId: string | null, alpha: number | null, extra: Partial<AgreementRow> = {}): AgreementRow => ({
    codeId,
    units: 40,
    perCoder: [10, 12],
    percent: { value: 0.9, note: null },
    kappa: { value: 0.75, note: null },
    alpha: alpha === null ? { value: null, note: "no variation: every unit got the same value" } : { value: alpha, note: null },
    stabilityNote: null,
    inUse: true,
    pooled: alpha !== null,
    ...extra,
  });
  const codes = [
    { id: "a", name: "Cost" },
    { id: "b", name: "Trust" },
    { id: "c", name: "Speed" },
    { id: "d", name: "Unused" },
  ];
  it("states who coded how many interviews, alpha overall and its range, percent agreement and kappa", () => {
    const text = methodsParagraph({
      unit: "segment",
      coders: [{ name: "Ana" }, { name: "Ben" }],
      documents: 8,
      totalDocuments: 32,
      codes,
      rows: [row("a", 0.55), row("b", 0.951), row("c", null), row("d", null, { inUse: false })],
      overall: row(null, 0.8123),
      blind: true,
    });
    expect(text).toBe(
      "Two analysts (Ana, Ben) independently coded (blind mode) 8 of 32 interviews; Krippendorff's alpha (nominal, segment level: speaker turns) was 0.81 overall, ranging from 0.55 (Cost) to 0.95 (Trust) across 2 codes; percent agreement was 90.0% and Cohen's kappa 0.75. For 1 code alpha could not be computed (no variation: every unit got the same value).",
    );
  });

  it("does not claim independence without blind mode, and says when there is nothing in common", () => {
    const base = { unit: "span" as const, coders: [{ name: "Ana" }, { name: "Ben" }, { name: "Cy" }], totalDocuments: 5, codes, blind: false };
    const none = { value: null, note: "not defined for character spans" } as const;
    const text = methodsParagraph({ ...base, documents: 2, rows: [row("a", 0.4, { percent: none, kappa: none })], overall: row(null, 0.4, { percent: none, kappa: none, stabilityNote: "unstable" }) });
    expect(text).toBe(
      "Three analysts (Ana, Ben, Cy) each coded 2 of 5 interviews; Krippendorff's alpha for unitizing (alpha-u, character level; Krippendorff 2004) was 0.40 overall (1 code). The overall figure rests on fewer than 10 units and should be read with caution.",
    );
    expect(methodsParagraph({ ...base, documents: 0, rows: [], overall: row(null, null) })).toMatch(/no interview in common yet/);
  });

  it("never prints -0.00", () => {
    expect(formatCoefficient(-0.001)).toBe("0.00");
    expect(formatCoefficient(-0.126)).toBe("-0.13");
  });
});

describe("URL choices", () => {
  it("read with defaults, and say what was not understood", () => {
    expect(readAgreementParams({})).toEqual({ coderIds: null, unit: "segment", scope: "done", problems: [] });
    expect(readAgreementParams({ coders: "a,b,a", unit: "span", scope: "coded" })).toEqual({ coderIds: ["a", "b"], unit: "span", scope: "coded", problems: [] });
    expect(readAgreementParams({ unit: "words" }).problems).toEqual(['Unknown unit "words": showing segments.']);
    const d = readDisagreementParams({ coders: "a,b", tolerance: "-3", code: "k", page: "2", status: "open" });
    expect(d).toMatchObject({ coderIds: ["a", "b"], tolerance: 20, codeId: "k", page: 2, status: "open" });
    expect(d.problems).toHaveLength(1);
    expect(toSearch({ coders: ["a", "b"], unit: "segment", code: undefined })).toBe("?coders=a%2Cb&unit=segment");
  });
});
