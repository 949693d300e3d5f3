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
  /** How the producer counted positions in this source (positions.ts describeConvention) and why we think so. */
  positions: { convention: string; evidence: "quotes" | "bounds" | "default" } | null;
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
};

export type MemoTarget = { kind: "project" } | { kind: "document" | "code" | "case" | "coding"; key: string };

export type PlannedMemo = { title: string; body: string; authorKey: string; target: MemoTarget };

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
  warnings: ImportWarning[];
};
