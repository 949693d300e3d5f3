import type { AgreementDesign, Coding, Segment } from "../agreement";

/**
 * Presence data (document or segment units) summarised by counting, for tables too large to
 * go through lib/agreement's general matrices in time (10 analysts x 8,000 turns x 20 codes
 * is 1.6 million cells, and the general functions build an object per cell).
 *
 * In the designs the agreement page builds, every compared analyst covered every document
 * (they all marked it done, or all coded in it), so no value is missing and each unit is
 * coded by all m analysts. For binary values with no missing data, percent agreement and
 * Krippendorff's alpha depend only on how many units were marked by exactly k analysts
 * (k = 0..m), and Cohen's kappa (m = 2) only on that and each analyst's own count. This
 * module computes those counts in one pass over the codings; presence-stats.ts turns them
 * into figures. tests/unit/rigour holds both against lib/agreement's documentPresenceUnits /
 * segmentUnits and its statistics on random designs.
 */

export type PresenceCounts = {
  /** Units (documents or segments) every analyst judged. */
  units: number;
  /** byCoders[k]: units marked by exactly k analysts, k = 0..m. */
  byCoders: number[];
  /** perCoder[i]: units analyst i (design order) marked. */
  perCoder: number[];
};

/** Counts per code, in design.codes order; unit "document" ignores segments. */
export function presenceCounts(codings: ReadonlyArray<Coding>, design: AgreementDesign, unit: "document" | "segment"): PresenceCounts[] {
  const m = design.coders.length;
  const coderIndex = new Map(design.coders.map((id, i) => [id, i]));
  const codeIndex = new Map(design.codes.map((id, i) => [id, i]));

  // Every unit gets a global index; per document, its units sorted by start.
  const documents = new Map<string, { length: number; first: number; segments: Segment[]; sorted: boolean }>();
  let total = 0;
  for (const d of design.documents) {
    const segments = unit === "document" ? [{ start: 0, end: d.length }] : validSegments(d.id, d.length, d.segments);
    const sorted = segments.every((s, i) => i === 0 || (segments[i - 1].start <= s.start && segments[i - 1].end <= s.end));
    documents.set(d.id, { length: d.length, first: total, segments, sorted });
    total += segments.length;
  }

  const codes = design.codes.length;
  const count = Array.from({ length: codes }, () => new Uint16Array(total));
  // stamp[code][unit] = 1 + the last analyst counted there, so an analyst's overlapping
  // codings mark a unit once. Codings are visited grouped by analyst for this to hold.
  const stamp = Array.from({ length: codes }, () => new Int32Array(total));
  const perCoder = Array.from({ length: codes }, () => new Array<number>(m).fill(0));
  const order = codings
    .map((c, i) => ({ c, coder: coderIndex.get(c.coderId), code: codeIndex.get(c.codeId), i }))
    .filter((x): x is { c: Coding; coder: number; code: number; i: number } => x.coder !== undefined && x.code !== undefined && documents.has(x.c.documentId))
    .sort((a, b) => a.coder - b.coder || a.i - b.i);

  for (const { c, coder, code } of order) {
    const doc = documents.get(c.documentId)!;
    if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.end > doc.length || c.start >= c.end) {
      throw new RangeError(`coding [${c.start}, ${c.end}) of code ${c.codeId} by ${c.coderId} is not a span of document ${c.documentId} (length ${doc.length})`);
    }
    const mark = (u: number) => {
      if (stamp[code][u] === coder + 1) return;
      stamp[code][u] = coder + 1;
      count[code][u]++;
      perCoder[code][coder]++;
    };
    const segs = doc.segments;
    if (doc.sorted) {
      // First segment ending after the coding starts; then on while segments start before it ends.
      let lo = 0;
      let hi = segs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid].end <= c.start) lo = mid + 1;
        else hi = mid;
      }
      for (let s = lo; s < segs.length && segs[s].start < c.end; s++) if (segs[s].start < c.end && c.start < segs[s].end) mark(doc.first + s);
    } else {
      for (let s = 0; s < segs.length; s++) if (segs[s].start < c.end && c.start < segs[s].end) mark(doc.first + s);
    }
  }

  return design.codes.map((_, k) => {
    const byCoders = new Array<number>(m + 1).fill(0);
    for (let u = 0; u < total; u++) byCoders[count[k][u]]++;
    return { units: total, byCoders, perCoder: perCoder[k] };
  });
}

/** The counts of several codes pooled: every (code, unit) pair is one decision. */
export function poolCounts(list: ReadonlyArray<PresenceCounts>, coders: number): PresenceCounts {
  const pooled: PresenceCounts = { units: 0, byCoders: new Array<number>(coders + 1).fill(0), perCoder: new Array<number>(coders).fill(0) };
  for (const c of list) {
    pooled.units += c.units;
    c.byCoders.forEach((n, k) => (pooled.byCoders[k] += n));
    c.perCoder.forEach((n, i) => (pooled.perCoder[i] += n));
  }
  return pooled;
}

function validSegments(documentId: string, length: number, segments: ReadonlyArray<Segment> | undefined): Segment[] {
  if (!segments) throw new RangeError(`document ${documentId} has no segments`);
  for (const { start, end } of segments) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end) {
      throw new RangeError(`segment [${start}, ${end}) is not a span of document ${documentId} (length ${length})`);
    }
  }
  return [...segments];
}
