import { describe, expect, it } from "vitest";
import { buildPositionMap, detectConvention, type PositionConvention } from "../../../../lib/interop/positions";
import type { ExportData } from "../../../../lib/interop/refi/data";
import { buildCodebookQdc } from "../../../../lib/interop/refi/export-codebook";
import { allocateGuids } from "../../../../lib/interop/refi/export-guids";
import { buildProjectQde } from "../../../../lib/interop/refi/export-project";
import { EXPORT_TARGETS, TARGET_LAYOUTS, type ExportTarget } from "../../../../lib/interop/refi/export-targets";
import { normalizeGuid, refiGuid } from "../../../../lib/interop/refi/guid";
import { readProject } from "../../../../lib/interop/refi/read-project";
import { parseXml } from "../../../../lib/interop/refi/xml-read";
import { codePointLength, normalizeText, sliceByCodePoints } from "../../../../lib/transcripts/offsets";
import { schemaErrors } from "./fixtures";

const at = new Date("2026-01-02T03:04:05.000Z");
// Emoji before and inside selections, line breaks before them, a combining sequence (NFC).
const text = "Q: Why 🙂?\nZoë: It cost 💸 a lot.\n\nQ: And then?\nZoë: Then 👍🏽 fine, café.";
const at_ = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
const span = (needle: string) => ({ start: at_(needle), end: at_(needle) + codePointLength(needle), quote: needle });
const coding = (id: string, codeId: string, needle: string, extra: Partial<ExportData["codings"][number]> = {}) => ({
  id,
  refiGuid: null,
  documentId: "d1",
  codeId,
  coderId: "u1",
  memo: "",
  createdAt: at,
  ...span(needle),
  ...extra,
});
const code = (id: string, name: string, refi: string | null = null) => ({ id, refiGuid: refi, parentId: null, name, colour: "#2563eb", description: "", inclusion: "", exclusion: "", example: "" });

const base: ExportData = {
  project: { id: "p1", name: "Targets", description: "", createdAt: at, updatedAt: at },
  users: [
    { id: "u1", name: "Zoë Analyst", email: "zoe@example.org" },
    { id: "u2", name: "Ben (from NVivo)", email: "refi-ben@p1.placeholder.grounded.invalid" },
  ],
  codes: [code("c1", "Cost"), code("c2", "Mood")],
  attributes: [],
  cases: [],
  documents: [{ id: "d1", refiGuid: null, title: "Zoë", text, textLength: codePointLength(text), caseId: null, createdAt: at }],
  codings: [
    coding("g1", "c1", "It cost 💸 a lot."),
    coding("g2", "c2", "🙂"),
    coding("g3", "c2", "Then 👍🏽 fine, café.", { coderId: "u2" }),
    coding("g4", "c1", "Zoë: It cost 💸 a lot.\n\nQ: And then?"),
  ],
  memos: [],
};

const where = { fileName: "x.qdpx", part: "project.qde" };
const convention = (target: ExportTarget): PositionConvention => {
  const layout = TARGET_LAYOUTS[target];
  return { unit: layout.unit, crlf: layout.crlf, bom: layout.bom === "counted" ? "counted" : "not-counted" };
};

describe("exports for each target tool", () => {
  it.each(EXPORT_TARGETS)("%s: sources and positions agree, and every coding reads back on the same characters", async (target) => {
    const { qde, sources } = buildProjectQde(base, target);
    expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
    const layout = TARGET_LAYOUTS[target];
    const raw = sources[0].text;
    expect(raw.includes("\r\n")).toBe(layout.lineEnds === "crlf");
    expect(raw.replace(/\r\n/g, "\n")).toBe(text);
    const read = readProject(where, parseXml(qde, where, 64));
    const normalized = normalizeText(raw);
    const map = buildPositionMap(raw, normalized, convention(target));
    const selections = read.textSources[0].selections;
    expect(selections).toHaveLength(base.codings.length);
    for (const [i, selection] of selections.entries()) {
      const placed = map.toSpan(selection.start, selection.end);
      expect(placed).toEqual({ start: base.codings[i].start, end: base.codings[i].end, exact: true });
      expect(sliceByCodePoints(normalized, placed.start, placed.end)).toBe(base.codings[i].quote);
    }
    // The importer, not told the convention, finds one that places every quote.
    const guess = detectConvention(raw, normalized, selections.map((s) => ({ start: s.start, end: s.end, quote: s.name })));
    expect(guess.scores[0].quotesMatched).toBe(selections.length);
  });

  it("counts UTF-16 units and both characters of a CRLF for NVivo, and a CRLF once for MAXQDA", () => {
    const position = (target: ExportTarget, id: string) => {
      const read = readProject(where, parseXml(buildProjectQde(base, target).qde, where, 64));
      return read.textSources[0].selections.find((s) => normalizeGuid(s.guid) === refiGuid("selection", id))!.start;
    };
    const before = text.slice(0, text.indexOf("Then 👍🏽"));
    // Four line breaks and two astral characters (🙂, 💸: two UTF-16 units each) come before "Then".
    expect(position("standard", "g3")).toBe(codePointLength(before));
    expect(position("nvivo", "g3")).toBe(codePointLength(before) + 2 + 4);
    expect(position("maxqda", "g3")).toBe(codePointLength(before));
  });

  it("names users by their display names; a placeholder's made-up address is not written", () => {
    const read = readProject(where, parseXml(buildProjectQde(base).qde, where, 64));
    expect(read.users.map((u) => [u.name, u.id])).toEqual([
      ["Zoë Analyst", "zoe@example.org"],
      ["Ben (from NVivo)", null],
    ]);
  });
});

describe("GUIDs of imported rows", () => {
  const kept = {
    code: "{C0000000-0000-4000-8000-00000000000A}",
    source: "d0000000-0000-4000-8000-000000000001",
    selection: "f0000000-0000-4000-8000-000000000001",
  };
  const imported: ExportData = {
    ...base,
    codes: [code("c1", "Cost", kept.code), code("c2", "Mood", kept.code.toLowerCase().replace(/[{}]/g, ""))],
    documents: [{ ...base.documents[0], refiGuid: kept.source }],
    codings: [
      // Two codes on one selection of the file: imported as two codings, exported as that one selection again.
      coding("g1", "c1", "It cost 💸 a lot.", { refiGuid: kept.selection }),
      coding("g2", "c2", "It cost 💸 a lot.", { refiGuid: kept.selection }),
      // The same selection GUID on another span (edited since): it may not take the GUID too.
      coding("g3", "c2", "🙂", { refiGuid: kept.selection }),
      coding("g4", "c1", "café", { refiGuid: "not a guid" }),
    ],
  };
  const { qde } = buildProjectQde(imported);
  const read = readProject(where, parseXml(qde, where, 64));

  it("are written back as they were, the first claimant keeping a GUID that two rows claim", async () => {
    expect(await schemaErrors("Project.xsd", qde)).toEqual([]);
    expect(read.codes.map((c) => c.guid)).toEqual([normalizeGuid(kept.code), normalizeGuid(refiGuid("code", "c2"))]);
    expect(qde).toContain(`guid="${kept.code}"`);
    expect(read.textSources[0].guid).toBe(kept.source);
    const selections = read.textSources[0].selections;
    expect(selections.map((s) => s.guid)).toEqual([kept.selection, refiGuid("selection", "g3"), refiGuid("selection", "g4")]);
    expect(selections[0].codings.map((c) => c.codeGuid)).toEqual([normalizeGuid(kept.code), refiGuid("code", "c2")]);
    const all = [...qde.matchAll(/\bguid="([^"]+)"/g)].map((m) => normalizeGuid(m[1]));
    expect(new Set(all).size).toBe(all.length);
  });

  it("the .qdc gives the codes the same GUIDs as the .qdpx", () => {
    const qdc = buildCodebookQdc(imported.codes);
    expect(qdc).toContain(`guid="${kept.code}" name="Cost"`);
    expect(qdc).toContain(`guid="${refiGuid("code", "c2")}" name="Mood"`);
  });

  it("never hands out one GUID twice, whatever the claims", () => {
    const guid = "a0000000-0000-4000-8000-000000000001";
    const guidOf = allocateGuids([
      { kind: "code", id: "x", refiGuid: `{${guid.toUpperCase()}}` },
      { kind: "case", id: "y", refiGuid: guid },
      { kind: "note", id: "z", refiGuid: refiGuid("user", "u1") },
      { kind: "user", id: "u1", refiGuid: null },
    ]);
    expect(guidOf("code", "x")).toBe(`{${guid.toUpperCase()}}`);
    expect(guidOf("case", "y")).toBe(refiGuid("case", "y"));
    expect(guidOf("note", "z")).toBe(refiGuid("user", "u1"));
    // The user's own derived GUID was taken by a kept one: it gets another derived one.
    expect(guidOf("user", "u1")).not.toBe(refiGuid("user", "u1"));
    expect(guidOf("user", "u1")).toBe(refiGuid("user", "u1#2"));
  });
});
