import { codePointLength } from "../transcripts/offsets";

/**
 * Where each code point of a text lands after NFC. NFC composes ("e" + U+0301 -> "é"),
 * reorders combining marks and, for a few characters, expands (U+0958 -> two code points),
 * so the text is cut into segments that normalize independently: a segment starts at a
 * character that is not a mark and that NFC leaves apart from what precedes it (Hangul
 * jamo and the few vowel signs that compose are caught by that test). Such a character is a
 * starter that blocks composition and reordering across it (UAX #15), so
 * NFC(text) = NFC(segment 1) + NFC(segment 2) + ...
 *
 * A segment that NFC leaves unchanged maps code point for code point; in one that NFC
 * changed, only its two ends have an exact image and the positions inside map to its
 * start, flagged as not exact.
 */

export type NfcAlignment = {
  /** NFC offset for each code point boundary 0..n of the input (n + 1 entries). */
  offsets: Int32Array;
  /** 1 where the boundary has an exact image, 0 inside a segment NFC changed. */
  exact: Uint8Array;
  /** The NFC text, built segment by segment (equals input.normalize("NFC")). */
  normalized: string;
};

const MARK = /\p{M}/u;
// Nothing composes with what precedes a code point below U+0300, so each one starts a
// segment. Runs from one such code point to the next are checked whole first: most are
// already NFC, and only the others are cut code point by code point.
const RUNS = /[\u0000-\u02FF][^\u0000-\u02FF]*|[^\u0000-\u02FF]+/gu;

export function alignNfc(input: string): NfcAlignment {
  const count = codePointLength(input);
  const offsets = new Int32Array(count + 1);
  const exact = new Uint8Array(count + 1);
  if (input.normalize("NFC") === input) {
    for (let k = 0; k <= count; k++) offsets[k] = k;
    exact.fill(1);
    return { offsets, exact, normalized: input };
  }

  const parts: string[] = [];
  let at = 0; // code point index in input
  let out = 0; // code point offset in the NFC text
  const emit = (segment: string) => {
    const length = codePointLength(segment);
    const composed = segment.normalize("NFC");
    if (composed === segment) {
      for (let k = 0; k < length; k++) {
        offsets[at + k] = out + k;
        exact[at + k] = 1;
      }
      out += length;
    } else {
      offsets[at] = out;
      exact[at] = 1;
      for (let k = 1; k < length; k++) offsets[at + k] = out;
      out += codePointLength(composed);
    }
    at += length;
    parts.push(composed);
  };

  for (const [run] of input.matchAll(RUNS)) {
    if (run.normalize("NFC") === run) {
      emit(run);
      continue;
    }
    let segment = "";
    for (const cp of run) {
      if (segment !== "" && startsSegment(segment, cp)) {
        emit(segment);
        segment = "";
      }
      segment += cp;
    }
    emit(segment);
  }
  offsets[count] = out;
  exact[count] = 1;
  return { offsets, exact, normalized: parts.join("") };
}

// Within a run every code point is U+0300 or above.
function startsSegment(segment: string, cp: string): boolean {
  if (MARK.test(cp)) return false;
  return (segment + cp).normalize("NFC") === segment.normalize("NFC") + cp.normalize("NFC");
}
