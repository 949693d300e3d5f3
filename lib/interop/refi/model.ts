/**
 * A REFI-QDA project as read from project.qde (QDA-XML 1.0, urn:QDA-XML:project:1.0) or a
 * codebook (.qdc, urn:QDA-XML:codebook:1.0), before anything is matched to Grounded. GUIDs
 * are normalized (guid.ts); positions are as the producer wrote them.
 */

export type RefiUser = { guid: string; name: string | null; id: string | null };

export type RefiCode = {
  guid: string;
  name: string;
  color: string | null;
  description: string | null;
  isCodable: boolean;
  noteRefs: string[];
  children: RefiCode[];
};

export type RefiVariableType = "Text" | "Boolean" | "Integer" | "Float" | "Date" | "DateTime";

export type RefiVariable = { guid: string; name: string; type: RefiVariableType; description: string | null };

export type RefiValue =
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number; integer: boolean }
  | { kind: "date"; value: string };

/** `value` is null when the file's value cannot be read as its type; `raw` keeps what it said. */
export type RefiVariableValue = { variableGuid: string; value: RefiValue | null; raw: string };

export type RefiCase = {
  guid: string;
  name: string | null;
  description: string | null;
  values: RefiVariableValue[];
  sourceRefs: string[];
  selectionRefs: number;
  codeRefs: number;
  /** Notes the case points at through a selection inside the note (how Grounded writes a case's memos). */
  noteRefs?: string[];
};

export type RefiCoding = { guid: string; codeGuid: string; creatingUser: string | null; noteRefs: string[] };

export type RefiSelection = {
  guid: string;
  name: string | null;
  start: number;
  end: number;
  description: string | null;
  creatingUser: string | null;
  codings: RefiCoding[];
  noteRefs: string[];
};

export type RefiTextSource = {
  kind: "text";
  guid: string;
  /** Other GUIDs that name this text: a PDF whose text representation it is. */
  aliases: string[];
  name: string | null;
  plainTextPath: string | null;
  richTextPath: string | null;
  plainTextContent: string | null;
  description: string | null;
  selections: RefiSelection[];
  /** Codings of the whole source (Coding directly under TextSource). */
  codings: RefiCoding[];
  noteRefs: string[];
  variableValues: number;
};

/** Sources we do not import as such: pictures, audio, video, and PDFs without a text representation. */
export type RefiOtherSource = {
  kind: "picture" | "pdf" | "audio" | "video";
  guid: string;
  name: string | null;
  path: string | null;
  selections: number;
  /** Codings in those selections, which the import leaves out with the source. */
  codings?: number;
};

export type RefiNote = {
  guid: string;
  name: string | null;
  creatingUser: string | null;
  plainTextPath: string | null;
  plainTextContent: string | null;
  /** The GUIDs of the note's own PlainTextSelections (a case's SelectionRef may point at one). */
  selections?: string[];
};

export type RefiProject = {
  name: string;
  origin: string | null;
  description: string | null;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  /** Text sources in file order; a PDF's text representation is one of them, named after the PDF. */
  textSources: RefiTextSource[];
  otherSources: RefiOtherSource[];
  notes: RefiNote[];
  projectNoteRefs: string[];
  /** Elements we read past: Sets, Links, Graphs (counts, for the summary). */
  ignored: { sets: number; links: number; graphs: number };
};

export type RefiCodebook = { origin: string | null; codes: RefiCode[]; sets: number };
