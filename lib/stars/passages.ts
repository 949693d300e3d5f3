/**
 * Stars on the theme page's passages: pure, so the ordering and the choice of coding are
 * unit-tested without a database. A star belongs to a coding; a passage (the merged span of
 * one or more codings, lib/analysis/quotes-data.ts) is starred when any of its codings is.
 */

/** Who starred a coding and when (ISO), as the page shows it. */
export type StarInfo = { starredBy: string; starredAt: string };

type Passage = { documentId: string; codings: readonly { id: string; coderId: string }[] };

export type PassageStar = {
  starred: boolean;
  /** Every coding of the passage: unstarring the passage clears whichever of them are starred. */
  codingIds: string[];
  /** The coding a new star goes on, null for a passage without codings. */
  toStar: string | null;
  /** "Marked representative by Ana on 2026-12-04", for the starred. */
  note: string | null;
};

export function isStarred(passage: Passage, stars: ReadonlyMap<string, StarInfo>): boolean {
  return passage.codings.some((c) => stars.has(c.id));
}

/**
 * The passage's star state for `readerId`. A new star goes on the reader's own coding when
 * they have one in the passage (it is the coding they answer for, and the one a blind analyst
 * can see), otherwise on the passage's first coding, so one passage gets one star, not one
 * per analyst who coded it.
 */
export function passageStar(passage: Passage, stars: ReadonlyMap<string, StarInfo>, readerId: string): PassageStar {
  const first = passage.codings.map((c) => stars.get(c.id)).find((s) => s !== undefined);
  return {
    starred: first !== undefined,
    codingIds: passage.codings.map((c) => c.id),
    toStar: (passage.codings.find((c) => c.coderId === readerId) ?? passage.codings[0])?.id ?? null,
    note: first ? `Marked representative by ${first.starredBy} on ${first.starredAt.slice(0, 10)}` : null,
  };
}

/**
 * Starred passages first within each interview, interviews kept in the order given (the
 * transcript order of the query) and passages otherwise in their order; with
 * `representativeOnly`, only the starred. A separate "representative" section above the list
 * would have shown each starred quote twice, or torn it from its interview and case.
 */
export function arrangeByStars<T extends Passage>(passages: readonly T[], stars: ReadonlyMap<string, StarInfo>, options: { representativeOnly?: boolean } = {}): T[] {
  const groups = new Map<string, { starred: T[]; rest: T[] }>();
  for (const p of passages) {
    const group = groups.get(p.documentId) ?? groups.set(p.documentId, { starred: [], rest: [] }).get(p.documentId)!;
    (isStarred(p, stars) ? group.starred : group.rest).push(p);
  }
  return [...groups.values()].flatMap((g) => (options.representativeOnly ? g.starred : [...g.starred, ...g.rest]));
}
