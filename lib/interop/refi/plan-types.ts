import type { AttributeType, SpeakerRole } from "../../db/generated/enums";

/**
 * What an import will write, worked out from the file before a transaction is opened
 * (reading, matching and placing can fail on a bad file, and should do so without holding
 * a connection). Keys are the file's GUIDs (normalized); the writer turns them into row ids.
 */

/** Who is credited with what the file does not attribute to anyone: the importing user. */
export const IMPORTER = "@importer";

export type WarningKind = "source" | "position" | "coding" | "case" | "memo" | "code" | "user" | "ignored";
export type ImportWarning = { kind: WarningKind; message: string };

export type PlannedUser = {
  key: string;
  name: string;
  /** From the REFI user's id, when it is an e-mail address (Grounded writes it there). */
  email: string | null;
};

export type PlannedCode = {
  key: string;
  parentKey: string | null;
  name: string;
  /** null: pick from the palette when written. */
  colour: string | null;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  position: number;
  depth: number;
};

export type PlannedAttribute = { key: string; name: string; type: AttributeType; categories: string[]; position: number };

export type PlannedValue = { attributeKey: string } & ({ textValue: string } | { numberValue: number } | { booleanValue: boolean });

export type PlannedCase = { key: string; name: string; description: string; values: PlannedValue[] };

export type PlannedTurn = { speaker: string; role: SpeakerRole; start: number; end: number; timestampMs: number | null };

export type PlannedDocument = {
  key: string;
  title: string;
  text: string;
  textLength: number;
  checksum: string;
  sourceName: string;
  position: number;
  caseKey: string | null;
  turns: PlannedTurn[];
  /** The GUID of the source in the file (kept as the document's refiGuid). */
  refiGuid: string;
  /** How this source's positions were counted (describeConvention); own: its own evidence overrode the file's. */
  positions: { convention: string; own: boolean } | null;
};

export type PlannedCoding = {
  key: string;
  documentKey: string;
  codeKey: string;
  userKey: string;
  start: number;
  end: number;
  quote: string;
  memo: string;
  /** The GUID of the selection in the file (null for a coding of a whole source, which has none). */
  refiGuid: string | null;
};

export type MemoTarget = { kind: "project" } | { kind: "document" | "code" | "case" | "coding"; key: string };

/** `key`: the note's GUID in the file. */
export type PlannedMemo = { key: string; title: string; body: string; authorKey: string; target: MemoTarget };

/** What the file holds that the import leaves out, by kind, for the summary's headline. */
export type NotImported = { kind: "unread-source" | "pdf" | "picture" | "audio" | "video" | "empty-selection" | "set" | "link" | "graph"; count: number; what: string };

/** A coding whose passage depends on which reading of the positions is right. */
export type AmbiguousCoding = { source: string; codes: string; coders: string; start: number; end: number; chosen: string; alternative: string | null };

/**
 * How the file's positions were read (import-positions.ts). Weak evidence comes with a
 * sample of placed passages to check and every coding the runner-up reads differently.
 */
export type PositionReport = {
  convention: string;
  strength: "strong" | "weak" | "moot";
  basis: "quotes" | "bounds" | "producer" | "default";
  explanation: string;
  alternative: string | null;
  overrides: { source: string; convention: string }[];
  sample: { source: string; codes: string; quote: string }[];
  /** Listed in full up to a limit; ambiguousTotal counts them all. */
  ambiguous: AmbiguousCoding[];
  ambiguousTotal: number;
};

export type ImportPlan = {
  name: string;
  description: string;
  origin: string | null;
  users: PlannedUser[];
  codes: PlannedCode[];
  attributes: PlannedAttribute[];
  cases: PlannedCase[];
  documents: PlannedDocument[];
  codings: PlannedCoding[];
  memos: PlannedMemo[];
  /** null: the file has no selections to place. */
  positions: PositionReport | null;
  notImported: NotImported[];
  warnings: ImportWarning[];
};
