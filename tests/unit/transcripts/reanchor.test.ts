import { describe, expect, it } from "vitest";
import { codePointHunks, type Hunk } from "@/lib/transcripts/correction/diff";
import { reanchor, reanchorSpan } from "@/lib/transcripts/correction/reanchor";

// Seeded PRNG (mulberry32), so a failure names a seed that reproduces it.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Letters, spaces, line breaks, a speaker label, emoji (one code point, with a skin tone, a ZWJ
// family) and combining marks that have no precomposed form (so NFC keeps them apart).
const PIECES = ["a", "b", "e", "o", "t", " ", " ", "\n", "Ana: ", "👍", "👍🏽", "👨‍👩‍👧", "q̃", "x̧̌", "é", "TensorFlow", "tensor flow"];

function randomText(rand: () => number, pieces: number): string {
  let out = "";
  for (let i = 0; i < pieces; i++) out += PIECES[Math.floor(rand() * PIECES.length)];
  return out;
}

/** One random edit on code points: an insertion, a deletion or a replacement, anywhere (across turns too). */
function randomEdit(rand: () => number, cps: string[]): string[] {
  const at = Math.floor(rand() * (cps.length + 1));
  const kind = rand();
  const removed = kind < 0.33 ? 0 : Math.min(cps.length - at, 1 + Math.floor(rand() * 12));
  const inserted = kind > 0.66 ? [] : Array.from(randomText(rand, 1 + Math.floor(rand() * 3)));
  return [...cps.slice(0, at), ...inserted, ...cps.slice(at + removed)];
}

/** Overlapping, nested and touching spans, as several analysts' codings would be. */
function randomSpans(rand: () => number, length: number, count: number) {
  const spans: { start: number; end: number }[] = [];
  while (spans.length < count && length > 1) {
    const start = Math.floor(rand() * (length - 1));
    const end = start + 1 + Math.floor(rand() * Math.min(20, length - start));
    spans.push({ start, end: Math.min(end, length) });
  }
  return spans;
}

/**
 * The plain recomputation: expand the diff into one operation per character (keep old i as
 * new j, delete old i, insert new j), then decide per new character whether it belongs to the
 * span by walking runs of changes, without hunks, binary search or shifts.
 */
function plainReanchor(hunks: Hunk[], oldLength: number, span: { start: number; end: number }) {
  type Op = { kind: "keep"; old: number; neu: number } | { kind: "del"; old: number } | { kind: "ins"; neu: number };
  const ops: Op[] = [];
  let o = 0;
  let n = 0;
  for (const h of hunks) {
    while (o < h.oldStart) ops.push({ kind: "keep", old: o++, neu: n++ });
    while (o < h.oldEnd) ops.push({ kind: "del", old: o++ });
    while (n < h.newEnd) ops.push({ kind: "ins", neu: n++ });
  }
  while (o < oldLength) ops.push({ kind: "keep", old: o++, neu: n++ });

  const inSpan = (i: number) => i >= span.start && i < span.end;
  const belonging: number[] = [];
  let touched = false;
  for (let i = 0; i < ops.length; ) {
    const op = ops[i];
    if (op.kind === "keep") {
      if (inSpan(op.old)) belonging.push(op.neu);
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && ops[j].kind !== "keep") j++;
    const run = ops.slice(i, j);
    const before = i > 0 ? (ops[i - 1] as { old: number }).old : -1;
    const after = j < ops.length ? (ops[j] as { old: number }).old : oldLength;
    const deletesInside = run.some((r) => r.kind === "del" && inSpan(r.old));
    // A pure insertion between two characters of the span (not at its edges).
    const insertsInside = run.every((r) => r.kind === "ins") && before >= span.start && after < span.end;
    if (deletesInside || insertsInside) {
      touched = true;
      for (const r of run) if (r.kind === "ins") belonging.push(r.neu);
    }
    i = j;
  }
  belonging.sort((x, y) => x - y);
  if (belonging.length === 0) return { status: "detached" as const, start: null, end: null };
  return { status: touched ? ("edited" as const) : ("kept" as const), start: belonging[0], end: belonging[belonging.length - 1] + 1 };
}

function applyHunks(oldCps: string[], newCps: string[], hunks: Hunk[]): string[] {
  const out: string[] = [];
  let o = 0;
  for (const h of hunks) {
    out.push(...oldCps.slice(o, h.oldStart), ...newCps.slice(h.newStart, h.newEnd));
    o = h.oldEnd;
  }
  out.push(...oldCps.slice(o));
  return out;
}

describe("codePointHunks", () => {
  it("counts code points: an emoji or a combining mark is one position, never half of one", () => {
    expect(codePointHunks("I 👍 it", "I 👍🏽 it")).toEqual([{ oldStart: 3, oldEnd: 3, newStart: 3, newEnd: 4 }]);
    expect(codePointHunks("q̃ x", "q x")).toEqual([{ oldStart: 1, oldEnd: 2, newStart: 1, newEnd: 1 }]);
  });

  it("is a true edit script: applied to the old text it gives the new one, in sorted, separate hunks", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rand = prng(seed);
      let cps = Array.from(randomText(rand, 40));
      const before = cps;
      for (let k = 0, edits = 1 + Math.floor(rand() * 4); k < edits; k++) cps = randomEdit(rand, cps);
      const hunks = codePointHunks(before.join(""), cps.join(""));
      expect(applyHunks(before, cps, hunks).join(""), `seed ${seed}`).toBe(cps.join(""));
      for (let i = 1; i < hunks.length; i++) expect(hunks[i].oldStart, `seed ${seed}`).toBeGreaterThan(hunks[i - 1].oldEnd);
    }
  });
});

describe("reanchor on random edits", () => {
  it("maps every span as the plain per-character recomputation does, and each kept or edited quote is the new text there", () => {
    const counts = { kept: 0, edited: 0, detached: 0 };
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed * 7919);
      const oldCps = Array.from(randomText(rand, 30 + Math.floor(rand() * 40)));
      let newCps = oldCps;
      for (let k = 0, edits = 1 + Math.floor(rand() * 3); k < edits; k++) newCps = randomEdit(rand, newCps);
      const oldText = oldCps.join("");
      const newText = newCps.join("");
      const spans = randomSpans(rand, oldCps.length, 12).map((s) => ({ ...s, quote: oldCps.slice(s.start, s.end).join("") }));
      const hunks = codePointHunks(oldText, newText);
      const results = reanchor(oldText, newText, spans, hunks);
      expect(results).toHaveLength(spans.length);
      results.forEach(({ span, result, quote }) => {
        const where = `seed ${seed}, span [${span.start}, ${span.end})`;
        expect(result, where).toEqual(plainReanchor(hunks, oldCps.length, span));
        counts[result.status]++;
        if (result.status === "detached") return;
        expect(quote, where).toBe(newCps.slice(result.start, result.end).join(""));
        if (result.status === "kept") expect(quote, where).toBe(span.quote);
      });
    }
    // The random edits exercise every outcome.
    expect(counts.kept).toBeGreaterThan(100);
    expect(counts.edited).toBeGreaterThan(100);
    expect(counts.detached).toBeGreaterThan(10);
  });

  it("moves spans away from a single known edit by exactly its length change, with their quotes", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rand = prng(seed * 31);
      const oldCps = Array.from(randomText(rand, 60));
      const at = Math.floor(rand() * oldCps.length);
      const removed = Math.min(oldCps.length - at, Math.floor(rand() * 6));
      const inserted = Array.from(randomText(rand, 2));
      const newCps = [...oldCps.slice(0, at), ...inserted, ...oldCps.slice(at + removed)];
      const delta = inserted.length - removed;
      const spans = randomSpans(rand, oldCps.length, 20).map((s) => ({ ...s, quote: oldCps.slice(s.start, s.end).join("") }));
      for (const { span, result } of reanchor(oldCps.join(""), newCps.join(""), spans)) {
        // Wholly before or after the edited stretch: the diff may align the edit differently,
        // but never inside a span whose text the edit did not reach.
        if (span.end <= at - 12) expect(result, `seed ${seed}`).toEqual({ status: "kept", start: span.start, end: span.end });
        if (span.start >= at + removed + 12) expect(result, `seed ${seed}`).toEqual({ status: "kept", start: span.start + delta, end: span.end + delta });
      }
    }
  });
});

describe("reanchor, the cases an analyst sees", () => {
  const oldText = "Ana: We use tensor flow daily.\nBo: Really? I never did. 👍🏽 Sure.";
  const newText = "Ana: We use TensorFlow daily.\nBo: Really? 👍🏽 Sure.";
  const at = (text: string, quote: string) => {
    const cps = Array.from(text);
    const q = Array.from(quote);
    for (let i = 0; i + q.length <= cps.length; i++) if (cps.slice(i, i + q.length).join("") === quote) return { start: i, end: i + q.length, quote };
    throw new Error(quote);
  };

  it("keeps untouched codings exactly, flags an edited one with its new quote, detaches a deleted one", () => {
    const spans = [at(oldText, "We use"), at(oldText, "tensor flow"), at(oldText, "I never did."), at(oldText, "👍🏽 Sure"), at(oldText, "Really? I never")];
    const [we, tf, never, sure, really] = reanchor(oldText, newText, spans);
    expect(we).toMatchObject({ result: { status: "kept" }, quote: "We use" });
    expect(tf).toMatchObject({ result: { status: "edited" }, quote: "TensorFlow" });
    expect(never.result.status).toBe("detached");
    const { start, end } = at(newText, "👍🏽 Sure");
    expect(sure).toMatchObject({ result: { status: "kept", start, end }, quote: "👍🏽 Sure" });
    expect(really).toMatchObject({ result: { status: "edited" } });
    expect(really.quote?.startsWith("Really?")).toBe(true);
  });

  it("does not pull text typed right before or after a coding into it", () => {
    const hunks = codePointHunks("ab cd", "ab Xcd!");
    expect(reanchorSpan(hunks, { start: 3, end: 5 })).toEqual({ status: "kept", start: 4, end: 6 });
  });
});
