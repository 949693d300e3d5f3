/**
 * How one coder cut a continuum for one category, in the terms of Krippendorff's alpha for
 * unitizing: the continuum [0, length) split into consecutive sections, each either a unit
 * (marked with the category) or a gap (everything else, other categories included).
 *
 * A coder's overlapping spans of one category are merged into one unit first: the 2004
 * coefficient assumes one coder's units of a category do not overlap, and in Grounded two
 * overlapping codings of the same code by the same coder mark one stretch as coded. Spans
 * that only touch stay separate units, as the coder made them.
 */

export type Span = { start: number; end: number };
export type Section = Span & { unit: boolean };

export function sectionsOf(spans: ReadonlyArray<Span>, length: number): Section[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const units: Span[] = [];
  for (const span of sorted) {
    const last = units[units.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else units.push({ start: span.start, end: span.end });
  }
  const sections: Section[] = [];
  let at = 0;
  for (const unit of units) {
    if (unit.start > at) sections.push({ start: at, end: unit.start, unit: false });
    sections.push({ ...unit, unit: true });
    at = unit.end;
  }
  if (at < length) sections.push({ start: at, end: length, unit: false });
  return sections;
}

/**
 * delta^2 between a section of one coder and an overlapping section of another
 * (Krippendorff 2004, Content Analysis 2nd ed., pp. 251-256): two overlapping units differ
 * by the squares of how far apart their starts and their ends are; a unit lying wholly
 * inside the other coder's gap is missed entirely and costs its length squared; a unit that
 * only partly overlaps a gap costs nothing there, because its overlap with the other coder's
 * unit already carries the disagreement; gaps never disagree with gaps.
 */
export function sectionDisagreement(a: Section, b: Section): number {
  if (a.unit && b.unit) {
    if (a.start >= b.end || b.start >= a.end) return 0;
    return (a.start - b.start) ** 2 + (a.end - b.end) ** 2;
  }
  if (a.unit && !b.unit) return b.start <= a.start && a.end <= b.end ? (a.end - a.start) ** 2 : 0;
  if (!a.unit && b.unit) return a.start <= b.start && b.end <= a.end ? (b.end - b.start) ** 2 : 0;
  return 0;
}

/**
 * Sum of delta^2 over every overlapping pair of sections of two coders. Both lists partition
 * the same continuum, so walking them side by side meets exactly the overlapping pairs.
 */
export function pairDisagreement(a: ReadonlyArray<Section>, b: ReadonlyArray<Section>): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    sum += sectionDisagreement(a[i], b[j]);
    if (a[i].end < b[j].end) i++;
    else if (b[j].end < a[i].end) j++;
    else {
      i++;
      j++;
    }
  }
  return sum;
}
