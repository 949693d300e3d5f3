import { DIFF_DELETE, DIFF_INSERT, makeDiff } from "@sanity/diff-match-patch";

/**
 * A character diff in code points (Grounded's offset unit, lib/transcripts/offsets.ts).
 * diff-match-patch compares UTF-16 units, which would cut an emoji in half and count it twice;
 * so each distinct code point of the two texts is first given one UTF-16 unit of its own
 * (outside the surrogate range), the texts are compared in that alphabet, and positions come
 * back as code points. Combining marks are code points of their own, as in stored offsets.
 *
 * A hunk replaces old code points [oldStart, oldEnd) by new ones [newStart, newEnd); either side
 * may be empty. Hunks are sorted, apart (an unchanged run lies between two), and everything
 * outside them is unchanged, shifted by the hunks before it.
 */
export type Hunk = { oldStart: number; oldEnd: number; newStart: number; newEnd: number };

/** diff-match-patch gives up refining after this long and returns a coarser, still correct diff. */
const DIFF_TIMEOUT_SECONDS = 0.5;
/** Units available for the private alphabet: all of the BMP but the surrogates. */
const ALPHABET_SIZE = 0x10000 - 0x800;

export function codePointHunks(oldText: string, newText: string): Hunk[] {
  if (oldText === newText) return [];
  const alphabet = new Map<number, string>();
  const a = encode(oldText, alphabet);
  const b = a === null ? null : encode(newText, alphabet);
  // More distinct characters than units (never seen in a transcript): one hunk from the first
  // difference to the last is still a true, if coarse, diff.
  if (a === null || b === null) return [prefixSuffixHunk(Array.from(oldText), Array.from(newText))];

  const hunks: Hunk[] = [];
  let oldAt = 0;
  let newAt = 0;
  let open: Hunk | null = null;
  for (const [op, text] of makeDiff(a, b, { timeout: DIFF_TIMEOUT_SECONDS, checkLines: false })) {
    const n = text.length;
    if (op === DIFF_DELETE || op === DIFF_INSERT) {
      open ??= { oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt };
      if (op === DIFF_DELETE) open.oldEnd = oldAt += n;
      else open.newEnd = newAt += n;
    } else {
      if (open) hunks.push(open);
      open = null;
      oldAt += n;
      newAt += n;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

/** Moves hunks computed on a part of the text (one turn) to that part's place in the whole. */
export function shiftHunks(hunks: readonly Hunk[], oldOffset: number, newOffset: number): Hunk[] {
  return hunks.map((h) => ({ oldStart: h.oldStart + oldOffset, oldEnd: h.oldEnd + oldOffset, newStart: h.newStart + newOffset, newEnd: h.newEnd + newOffset }));
}

function encode(text: string, alphabet: Map<number, string>): string | null {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let unit = alphabet.get(cp);
    if (unit === undefined) {
      const i = alphabet.size;
      if (i >= ALPHABET_SIZE) return null;
      unit = String.fromCharCode(i < 0xd800 ? i : i + 0x800);
      alphabet.set(cp, unit);
    }
    out += unit;
  }
  return out;
}

function prefixSuffixHunk(a: string[], b: string[]): Hunk {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { oldStart: p, oldEnd: a.length - s, newStart: p, newEnd: b.length - s };
}
