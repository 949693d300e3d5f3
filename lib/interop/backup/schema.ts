import { z } from "zod";
import { projectId } from "../../projects/schema";

/**
 * A Grounded backup: one zip archive that is also a REFI-QDA project (so NVivo, ATLAS.ti,
 * MAXQDA or QualCoder can open it), plus what REFI-QDA cannot carry, in Grounded's own terms:
 *
 *   manifest.json         format name and version, counts, every other entry's SHA-256, signature
 *   backup.json           every row of the project (BackupData below), ids as in the source project
 *   project.qde           the REFI-QDA export of the project (lib/interop/refi), for other tools
 *   sources/<guid>.txt    each document's text, shared by project.qde and backup.json
 *
 * A restore reads backup.json and the texts only; project.qde is for other tools. The
 * format version goes up whenever backup.json changes in a way an older reader would get
 * wrong; a reader refuses versions newer than its own.
 */
export const BACKUP_FORMAT = "grounded-backup";
// 2: memos carry caseId (a format-1 reader would restore a case's memo as a journal memo).
// 3: saved searches, auto-coding runs (codings name their run: a format-2 reader would drop
//    the link, so "undo this run" would find nothing) and the REFI-QDA GUIDs of imported rows.
// 4: the project's audit log (a format-3 reader would restore the project without its history).
export const BACKUP_VERSION = 4;
/** The formats this server restores: older ones lack what later ones added, which restores as absent. */
export const READABLE_BACKUP_VERSIONS: readonly number[] = [1, 2, 3, 4];
export const MANIFEST_ENTRY = "manifest.json";
export const DATA_ENTRY = "backup.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "is not a SHA-256 digest");

export const manifestHeadSchema = z.object({ format: z.string(), version: z.number() });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().refine((v) => READABLE_BACKUP_VERSIONS.includes(v)),
  createdAt: z.iso.datetime(),
  generator: z.string().max(100),
  project: z.object({ name: z.string().max(200) }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Every other entry of the archive, with the SHA-256 of its bytes. */
  entries: z.record(z.string().min(1).max(300), z.object({ sha256, bytes: z.number().int().nonnegative() })),
  /** HMAC of the entries by the server that made the archive (signature.ts), or null. */
  signature: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

// Rows refer to each other by the ids they had in the source project; a restore gives every
// row a new id. Dates are ISO 8601 strings.
const id = z.string().min(1).max(100);
const date = z.iso.datetime();
const int = z.number().int();
const name = z.string().min(1).max(300);
// The GUID a row had in the REFI-QDA file it was imported from (format 3; absent before).
const refiGuid = z.string().max(300).nullable().default(null);

const userSchema = z.object({ id, email: z.string().trim().toLowerCase().min(3).max(320), name: z.string().max(200) });
const membershipSchema = z.object({ userId: id, role: z.enum(["owner", "analyst", "viewer"]), createdAt: date });
// displayName came later: a backup written before it restores with "" (use the name).
const attributeSchema = z.object({ id, refiGuid, name, displayName: z.string().max(300).default(""), type: z.enum(["text", "number", "category", "boolean"]), categories: z.array(z.string()), position: int });
const valueSchema = z.object({ attributeId: id, textValue: z.string().nullable(), numberValue: z.number().nullable(), booleanValue: z.boolean().nullable() });
const caseSchema = z.object({ id, refiGuid, name, description: z.string(), createdAt: date, values: z.array(valueSchema) });
const turnSchema = z.object({ speaker: z.string(), role: z.enum(["interviewer", "respondent", "other"]), start: int.nonnegative(), end: int.nonnegative(), timestampMs: int.nullable() });
const documentSchema = z.object({
  id,
  refiGuid,
  caseId: id.nullable(),
  title: name,
  /** The archive entry holding the text (UTF-8, NFC), checked against textLength and checksum. */
  textPath: z.string().min(1).max(300),
  textLength: int.nonnegative(),
  checksum: sha256,
  sourceFormat: z.string(),
  sourceName: z.string(),
  position: int,
  blindCoding: z.boolean(),
  createdAt: date,
  turns: z.array(turnSchema),
  /** How many corrections the text has had (format 4; 1 before). */
  version: int.positive().default(1),
});
const codeSchema = z.object({
  id,
  refiGuid,
  parentId: id.nullable(),
  name,
  colour: z.string().max(50),
  description: z.string(),
  inclusion: z.string(),
  exclusion: z.string(),
  example: z.string(),
  shortcut: z.string().max(50).nullable(),
  position: int,
  createdAt: date,
  updatedAt: date,
  /** Deleted codes are kept, with their codings: a deletion is recoverable in the app, so in a backup too. */
  deletedAt: date.nullable(),
});
const codingSchema = z.object({
  id,
  refiGuid,
  documentId: id,
  codeId: id,
  coderId: id,
  start: int,
  end: int,
  quote: z.string(),
  memo: z.string(),
  /** The auto-coding run that made it (format 3). */
  batchId: id.nullable().default(null),
  version: int.positive(),
  createdAt: date,
  updatedAt: date,
});
const memoSchema = z.object({
  id,
  refiGuid,
  authorId: id,
  documentId: id.nullable(),
  codeId: id.nullable(),
  // Absent from format 1, which had no memos on cases.
  caseId: id.nullable().default(null),
  codingId: id.nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: date,
  updatedAt: date,
});
const findingSchema = z.object({
  id,
  position: int,
  statement: z.string(),
  /** The figure's definition (lib/findings/figure.ts); its code and attribute ids are source-project ids too. */
  figure: z.json().nullable(),
  statedValue: z.number().nullable(),
  statedText: z.string(),
  version: int.positive(),
  createdById: id,
  createdAt: date,
  updatedAt: date,
  evidence: z.array(z.object({ codingId: id, position: int })),
});
const assignmentSchema = z.object({ documentId: id, userId: id, assignedById: id, doneAt: date.nullable(), createdAt: date });
const decisionSchema = z.object({
  id,
  documentId: id,
  codeId: id,
  kind: z.enum(["accept_a", "accept_b", "accept_both", "merge", "custom", "reject"]),
  /** May name codings deleted since the decision (kept as ids on purpose, see the schema); those stay dangling. */
  sourceCodingIds: z.array(id),
  reason: z.string(),
  decidedById: id,
  createdAt: date,
  undoneAt: date.nullable(),
  undoneById: id.nullable(),
});
const consensusSchema = z.object({ documentId: id, codeId: id, decisionId: id, start: int, end: int, quote: z.string(), createdAt: date });
const starSchema = z.object({ codingId: id, starredById: id, createdAt: date });
/** `query` holds the search page's query string, whose ids restore.ts rewrites (remap.ts). */
const savedSearchSchema = z.object({ id, name, query: z.json(), createdById: id.nullable(), createdAt: date, updatedAt: date });
/** An auto-coding run; `source` may name documents by id, rewritten like a saved search's. */
const batchSchema = z.object({ id, actorId: id.nullable(), codeId: id, kind: z.string().max(50), source: z.json(), createdAt: date, undoneAt: date.nullable() });

/**
 * One event of the project's history (AuditEvent). Its entityId and the ids inside before/after
 * are source-project ids: restore.ts maps entityId to the restored row where it names one and
 * keeps the rest as they were, which is what they were then.
 */
/** A text a correction superseded, with its turns (lib/transcripts/correction), format 4. */
const documentVersionSchema = z.object({ documentId: id, version: int.positive(), text: z.string(), turns: z.json(), authorId: id.nullable(), reason: z.string(), createdAt: date });
/**
 * A coding a correction changed (edited: to review) or took out of the live table (detached:
 * its snapshot holds the coding, its memos, evidence and star, to be re-placed). Ids inside the
 * snapshot are source-project ids, rewritten on restore like the row's own.
 */
const codingCorrectionSchema = z.object({
  documentId: id,
  kind: z.enum(["coding", "consensus"]),
  codingId: id,
  codeId: id,
  coderId: id.nullable(),
  documentVersion: int.positive(),
  status: z.string().max(40),
  oldStart: int,
  oldEnd: int,
  oldQuote: z.string(),
  newQuote: z.string().nullable(),
  snapshot: z.json().nullable(),
  createdAt: date,
  resolvedAt: date.nullable(),
  resolvedById: id.nullable(),
  resolution: z.string().nullable(),
});

const auditSchema = z.object({
  action: z.string().min(1).max(100),
  entity: z.string().min(1).max(100),
  entityId: z.string().max(200),
  actorId: id.nullable(),
  before: z.json().nullable(),
  after: z.json().nullable(),
  createdAt: date,
});

export const backupDataSchema = z.object({
  project: z.object({
    name: z.string().trim().min(1).max(200),
    description: z.string(),
    blindCoding: z.boolean(),
    createdAt: date,
    updatedAt: date,
    // Who may correct transcripts (format 4).
    correctionRole: z.enum(["owner", "analyst"]).default("analyst"),
  }),
  /** Everyone the project names (members, coders, authors, deciders ...), matched by e-mail on restore. */
  users: z.array(userSchema),
  memberships: z.array(membershipSchema),
  attributes: z.array(attributeSchema),
  cases: z.array(caseSchema),
  documents: z.array(documentSchema),
  codes: z.array(codeSchema),
  codings: z.array(codingSchema),
  memos: z.array(memoSchema),
  findings: z.array(findingSchema),
  assignments: z.array(assignmentSchema),
  decisions: z.array(decisionSchema),
  consensus: z.array(consensusSchema),
  stars: z.array(starSchema),
  // Format 3; a format-1 or -2 backup had none.
  savedSearches: z.array(savedSearchSchema).default([]),
  batches: z.array(batchSchema).default([]),
  // Format 4; older backups had no history and no transcript corrections.
  audit: z.array(auditSchema).default([]),
  documentVersions: z.array(documentVersionSchema).default([]),
  corrections: z.array(codingCorrectionSchema).default([]),
});

export type BackupData = z.infer<typeof backupDataSchema>;

/** The inputs of the API (api.ts, access.ts); bytes arrive as a Uint8Array (a Buffer is one). */
export const exportBackupSchema = z.object({ projectId });
export const restoreBackupSchema = z.object({
  fileName: z.string().trim().min(1, "The file has no name.").max(255),
  bytes: z.instanceof(Uint8Array, { message: "No file was sent." }),
});
