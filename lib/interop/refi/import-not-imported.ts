import type { NotImported } from "./plan-types";

/**
 * What a file holds that an import leaves out, counted by kind for the summary's headline
 * ("Not imported: 12 codings on sources whose text is not in the archive, 3 sets").
 */
const WHAT: Record<NotImported["kind"], (n: number) => string> = {
  "unread-source": (n) => `${n} coding${s(n)} on sources whose text is not in the archive`,
  pdf: (n) => `${n} coding${s(n)} on PDF sources without text`,
  picture: (n) => `${n} coding${s(n)} on pictures`,
  audio: (n) => `${n} coding${s(n)} on audio`,
  video: (n) => `${n} coding${s(n)} on video`,
  "empty-selection": (n) => `${n} coding${s(n)} on selections that cover no text`,
  set: (n) => `${n} set${s(n)}`,
  link: (n) => `${n} link${s(n)}`,
  graph: (n) => `${n} graph${s(n)}`,
};

const ORDER = Object.keys(WHAT) as NotImported["kind"][];

function s(n: number): string {
  return n === 1 ? "" : "s";
}

/** Adds `count` of a kind, keeping one entry per kind in a fixed order. */
export function tally(list: NotImported[], kind: NotImported["kind"], count: number): void {
  if (count <= 0) return;
  const entry = list.find((item) => item.kind === kind);
  const total = (entry?.count ?? 0) + count;
  if (entry) {
    entry.count = total;
    entry.what = WHAT[kind](total);
  } else {
    list.push({ kind, count: total, what: WHAT[kind](total) });
  }
  list.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
