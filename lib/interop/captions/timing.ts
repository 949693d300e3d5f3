import { CaptionParseError } from "./errors";

/**
 * Cue timing lines: "00:01:02.500 --> 00:01:05.000 align:start position:10%".
 *
 * WebVTT (https://www.w3.org/TR/webvtt1/#webvtt-timestamp) writes "[hh:]mm:ss.ttt" and SRT
 * "hh:mm:ss,ttt". Both separators are accepted in both formats, as are one to three digits
 * of fraction or none, and any spacing around the arrow: tools that write captions by hand
 * get these wrong and nothing is ambiguous about them. Whatever follows the second time
 * (WebVTT cue settings, SRT's "X1:... Y2:..." box) is ignored: it only places the caption.
 */

export type CueTiming = { startMs: number; endMs: number };

const TIMING_LINE = /^[ \t]*([\d:.,]+)[ \t]*-->[ \t]*([\d:.,]+)(?:[ \t]+.*)?$/;
const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

export function isTimingLine(line: string): boolean {
  return line.includes("-->");
}

/** Reads a line that contains "-->"; one that cannot be read is an error naming the line. */
export function parseTimingLine(line: string, lineNumber: number): CueTiming {
  const match = TIMING_LINE.exec(line);
  const startMs = match ? parseTimestamp(match[1]) : null;
  const endMs = match ? parseTimestamp(match[2]) : null;
  if (startMs === null || endMs === null) {
    throw new CaptionParseError(
      lineNumber,
      `cannot read the cue timing "${shorten(line)}". A timing line looks like "00:01:02.500 --> 00:01:05.000".`,
    );
  }
  return { startMs, endMs };
}

export function parseTimestamp(value: string): number | null {
  const match = TIMESTAMP.exec(value);
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  const h = hours === undefined ? 0 : Number(hours);
  const m = Number(minutes);
  const s = Number(seconds);
  if (s >= 60 || m >= 60) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

function shorten(line: string): string {
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
