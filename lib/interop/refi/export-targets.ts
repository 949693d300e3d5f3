/**
 * The desktop tools a .qdpx can be written for, and how each counts selection positions.
 * REFI-QDA 1.0 says positions count "characters" of the plain-text source; we read that as
 * Unicode code points over the text as written (the default, "standard"). Some producers
 * count otherwise, so an export can be written for one of them: the plain-text sources get
 * the line ends (and byte order mark) that tool expects, and every position counts them the
 * way it does. The evidence for each row is in README.md ("Exchanging projects with other
 * tools"); where it is thin, the row says "standard" rather than guess.
 *
 * Kept free of zod and server code so the export form can list the targets.
 */
export const EXPORT_TARGETS = ["standard", "nvivo", "atlasti", "maxqda", "qualcoder"] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export type TargetLayout = {
  /** The tool's name, for file names ("Study for NVivo.qdpx"). */
  tool: string;
  label: string;
  /** What positions count: code points, or UTF-16 code units (.NET, Java, Qt, JavaScript strings). */
  unit: "codepoint" | "utf16";
  /** Line ends written into sources/*.txt. */
  lineEnds: "lf" | "crlf";
  /** With CRLF line ends: whether the tool counts a CRLF as one character or as two. */
  crlf: "one" | "two";
  /** Whether the sources start with a UTF-8 byte order mark, and whether positions count it. */
  bom: "none" | "counted" | "not-counted";
};

export const TARGET_LAYOUTS: Record<ExportTarget, TargetLayout> = {
  standard: { tool: "REFI-QDA", label: "REFI-QDA standard (code points)", unit: "codepoint", lineEnds: "lf", crlf: "two", bom: "none" },
  nvivo: { tool: "NVivo", label: "NVivo (UTF-16 units, CRLF)", unit: "utf16", lineEnds: "crlf", crlf: "two", bom: "none" },
  atlasti: { tool: "ATLAS.ti", label: "ATLAS.ti (as the standard)", unit: "codepoint", lineEnds: "lf", crlf: "two", bom: "none" },
  maxqda: { tool: "MAXQDA", label: "MAXQDA (CRLF counted once)", unit: "codepoint", lineEnds: "crlf", crlf: "one", bom: "none" },
  qualcoder: { tool: "QualCoder", label: "QualCoder (as the standard)", unit: "codepoint", lineEnds: "lf", crlf: "two", bom: "none" },
};

export const DEFAULT_EXPORT_TARGET: ExportTarget = "standard";
