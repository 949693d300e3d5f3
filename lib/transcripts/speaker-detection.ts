import { speakerKey, type SpeakerLabel } from "./speaker-labels";

/**
 * Which candidate labels of a document are speakers.
 *
 * A label's shape alone cannot tell "maria l: ..." from "cost was the issue: ...", nor a
 * report's "Background:" heading from an interviewer's "Interviewer:" on its own line. What
 * tells them apart is the document: a speaker speaks more than once, a heading or a colon
 * in prose does not recur word for word. So, unless the person importing says otherwise:
 *
 * - a label is a speaker when it starts at least two lines (case and spacing aside);
 * - a label with a bracketed or parenthesised time ("[00:01:02] Ana:", "Ana (00:01:02):")
 *   is a speaker when at least two lines carry such a time: only transcripts are written so;
 * - when the only recurring label never has words on its own line, it is a heading
 *   repeated through a report ("Comment:"), and the document has no speakers (Otter's
 *   "Name  0:03" lines are bare too, but carry a time).
 *
 * The import preview lists every candidate with its count; the person then confirms the
 * ones seen once, drops any that are not people, or says the file has no speakers at all.
 */

export type SpeakerChoice =
  | { kind: "auto" }
  /** Not a transcript: no turns, whatever the labels look like. */
  | { kind: "none" }
  /** Exactly these labels (as listed in the preview) are speakers. */
  | { kind: "chosen"; labels: string[] };

export type SpeakerCandidate = {
  /** The label as first written in the document. */
  speaker: string;
  /** Lines it starts. */
  occurrences: number;
  /** Whether it makes turns under the choice the document was read with. */
  accepted: boolean;
};

type Tally = { speaker: string; key: string; occurrences: number; timed: number; stamped: number; withWords: number };

/** The candidates of a document (in order of first appearance) and the keys that are speakers. */
export function decideSpeakers(labels: SpeakerLabel[], choice: SpeakerChoice = { kind: "auto" }): { candidates: SpeakerCandidate[]; accepted: Set<string> } {
  const tallies = new Map<string, Tally>();
  for (const label of labels) {
    const key = speakerKey(label.speaker);
    const tally = tallies.get(key) ?? { speaker: label.speaker, key, occurrences: 0, timed: 0, stamped: 0, withWords: 0 };
    tally.occurrences++;
    if (label.timed) tally.timed++;
    if (label.timestampMs !== null) tally.stamped++;
    if (!label.bare) tally.withWords++;
    tallies.set(key, tally);
  }
  const all = [...tallies.values()];
  const accepted = new Set<string>();
  if (choice.kind === "chosen") {
    for (const label of choice.labels) accepted.add(speakerKey(label));
  } else if (choice.kind === "auto") {
    const timedLines = all.reduce((n, t) => n + t.timed, 0);
    for (const t of all) if (t.occurrences >= 2 || (t.timed > 0 && timedLines >= 2)) accepted.add(t.key);
    const only = accepted.size === 1 ? tallies.get([...accepted][0]) : undefined;
    if (only && only.withWords === 0 && only.stamped === 0) accepted.clear();
  }
  const candidates = all.map((t) => ({ speaker: t.speaker, occurrences: t.occurrences, accepted: accepted.has(t.key) }));
  return { candidates, accepted };
}
