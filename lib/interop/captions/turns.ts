import { codePointLength } from "../../transcripts/offsets";
import type { PlainTextTranscript, PlainTextTurn } from "../../transcripts/plain-text";

/**
 * Caption pieces -> a document that reads like our plain-text format:
 *
 *   Ashlee Kupor (SL): Let's do that
 *
 *   Dora Demszky: by, too. We? And then No, it's gonna. I think it's transcribing.
 *
 * One paragraph per turn, "Speaker: words", paragraphs separated by a blank line, the text
 * ending with a newline. Each turn points at its words only (code point offsets).
 *
 * Consecutive pieces of one speaker make one turn, joined with a space: a cue boundary is a
 * caption break on screen, not a paragraph, and captions cut sentences anywhere ("I think
 * it's | transcribing."). The turn keeps the start time of its first cue.
 *
 * A piece with no speaker (a cue without label or voice) continues the turn before it:
 * Zoom drops the label on some continuation cues and Otter labels only the first cue of a
 * paragraph, so "same speaker as before" is right far more often than not. Before any
 * speaker is known, it belongs to UNKNOWN_SPEAKER. A label with no words after it
 * changes who is speaking for the unlabelled cues that follow, but makes no empty turn.
 */

export const UNKNOWN_SPEAKER = "Unknown speaker";

export type Piece = { speaker: string | null; words: string; startMs: number };

type OpenTurn = { speaker: string; words: string[]; timestampMs: number };

export function buildTranscript(pieces: Piece[]): PlainTextTranscript {
  const open: OpenTurn[] = [];
  let speaking: string | null = null;
  for (const piece of pieces) {
    speaking = piece.speaker ?? speaking;
    const words = piece.words.normalize("NFC");
    if (words === "") continue;
    const speaker = speaking ?? UNKNOWN_SPEAKER;
    const current = open.at(-1);
    if (current && current.speaker === speaker) current.words.push(words);
    else open.push({ speaker, words: [words], timestampMs: piece.startMs });
  }

  const paragraphs: string[] = [];
  const turns: PlainTextTurn[] = [];
  let offset = 0;
  for (const turn of open) {
    const speaker = turn.speaker.normalize("NFC");
    const words = turn.words.join(" ");
    const start = offset + codePointLength(speaker) + 2;
    const end = start + codePointLength(words);
    turns.push({ speaker, start, end, timestampMs: turn.timestampMs });
    paragraphs.push(`${speaker}: ${words}`);
    offset = end + 2;
  }
  const text = paragraphs.length === 0 ? "" : `${paragraphs.join("\n\n")}\n`;
  return { text, turns, speakers: [...new Set(turns.map((turn) => turn.speaker))] };
}
