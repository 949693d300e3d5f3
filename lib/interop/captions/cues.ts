import { CaptionParseError } from "./errors";
import { isTimingLine, parseTimingLine } from "./timing";

/**
 * Splits a caption file (already through normalizeText: no BOM, "\n" line ends) into cues.
 *
 * Both formats are blocks separated by blank lines: an optional identifier line, a timing
 * line, then the payload. The readers follow the WebVTT parsing algorithm
 * (https://www.w3.org/TR/webvtt1/#file-parsing) where it matters and are lenient where real
 * files are sloppy, always in the direction of keeping the words:
 *
 * - a block without a timing line after a cue is more payload of that cue (a blank line
 *   typed inside a caption), rather than dropped as the spec's parser would;
 * - a payload line that is itself a timing line starts a new cue (a missing blank line),
 *   and a bare number just above it is that cue's identifier;
 * - identifiers may be anything without "-->" (numbers, Teams' GUIDs, words), in SRT too;
 * - lines holding only spaces count as blank.
 */

export type CaptionFormat = "webvtt" | "srt";

export type Cue = {
  /** 1-based line of the timing line, for messages. */
  line: number;
  startMs: number;
  endMs: number;
  /** The payload lines as written, tags and entities still in. */
  payload: string[];
};

type Block = { line: number; lines: string[] };

const WEBVTT_HEADER = /^WEBVTT(?:[ \t]|$)/;
// NOTE comments, STYLE sheets and REGION definitions carry no words.
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

export function readWebVttCues(text: string): Cue[] {
  const blocks = splitBlocks(text);
  const header = blocks[0];
  if (!header || header.line !== 1 || !WEBVTT_HEADER.test(header.lines[0])) {
    const found = text.split("\n", 1)[0];
    throw new CaptionParseError(1, `this is not a WebVTT file: it must start with a line "WEBVTT", but starts with "${found.slice(0, 40)}".`);
  }
  const cues: Cue[] = [];
  // Header lines ("Kind: captions", "Language: en") are metadata, but a cue written right
  // under the header without a blank line is still a cue (the spec's parser does the same).
  const firstTiming = header.lines.findIndex(isTimingLine);
  if (firstTiming > 0) readCueBlock({ line: header.line + firstTiming, lines: header.lines.slice(firstTiming) }, 0, cues);

  for (const block of blocks.slice(1)) {
    if (SKIPPED_BLOCK.test(block.lines[0])) continue;
    const timing = timingIndex(block);
    if (timing === null) {
      // The spec ignores such a block; after a cue it is almost always a blank line typed
      // inside the caption, so its words stay (see above). Before any cue there is nothing to join.
      cues.at(-1)?.payload.push("", ...block.lines);
      continue;
    }
    readCueBlock(block, timing, cues);
  }
  return cues;
}

export function readSrtCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const blocks = splitBlocks(text);
  if (blocks[0] && WEBVTT_HEADER.test(blocks[0].lines[0])) {
    throw new CaptionParseError(blocks[0].line, "this is a WebVTT file (it starts with WEBVTT), not SRT. Import it as .vtt.");
  }
  for (const block of blocks) {
    const timing = timingIndex(block);
    if (timing === null) {
      const previous = cues.at(-1);
      if (!previous) {
        throw new CaptionParseError(
          block.line,
          `this is not an SRT file: expected a subtitle number and a timing line like "00:00:01,000 --> 00:00:04,000", found "${block.lines[0].slice(0, 40)}".`,
        );
      }
      previous.payload.push("", ...block.lines);
      continue;
    }
    readCueBlock(block, timing, cues);
  }
  return cues;
}

/** Index of the timing line: first line, or second after an identifier; null if neither. */
function timingIndex(block: Block): number | null {
  if (isTimingLine(block.lines[0])) return 0;
  if (block.lines.length > 1 && isTimingLine(block.lines[1])) return 1;
  return null;
}

function readCueBlock(block: Block, timingAt: number, cues: Cue[]): void {
  let cue: Cue = { line: block.line + timingAt, ...parseTimingLine(block.lines[timingAt], block.line + timingAt), payload: [] };
  cues.push(cue);
  for (let i = timingAt + 1; i < block.lines.length; i++) {
    const line = block.lines[i];
    if (isTimingLine(line)) {
      // Only a readable timing line starts a cue here; "A --> B" in speech stays text.
      try {
        const timing = parseTimingLine(line, block.line + i);
        // The number above it was the new cue's identifier, not words of the last one.
        if (/^[ \t]*\d+[ \t]*$/.test(cue.payload.at(-1) ?? "")) cue.payload.pop();
        cue = { line: block.line + i, ...timing, payload: [] };
        cues.push(cue);
        continue;
      } catch {
        // fall through: keep it as words
      }
    }
    cue.payload.push(line);
  }
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}
