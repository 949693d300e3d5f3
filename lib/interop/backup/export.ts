import { createHash } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";
import { buildProjectQde } from "../refi/export-project";
import type { LoadedBackup } from "./data";
import { BACKUP_FORMAT, BACKUP_VERSION, DATA_ENTRY, MANIFEST_ENTRY, type BackupData, type BackupManifest } from "./schema";
import { signManifest } from "./signature";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

/**
 * The backup archive of a loaded project (schema.ts has the layout): backup.json, the REFI-QDA
 * project.qde and the texts it shares with backup.json, and manifest.json listing each entry's
 * SHA-256, signed with `key` when the server has one.
 */
export function buildBackupArchive(loaded: LoadedBackup, options: { now: Date; key: Buffer | null }): Uint8Array {
  const parts = buildProjectQde(loaded.refi);
  // buildProjectQde writes one text per document, in the order of refi.documents.
  const textPaths = new Map(loaded.refi.documents.map((document, i) => [document.id, parts.sources[i].path]));
  const data = toBackupData(loaded.rows, textPaths);

  const entries = new Map<string, Uint8Array>([
    [DATA_ENTRY, strToU8(JSON.stringify(data))],
    ["project.qde", strToU8(parts.qde)],
    ...parts.sources.map((source) => [source.path, strToU8(source.text)] as const),
  ]);
  const listed: BackupManifest["entries"] = {};
  for (const [name, bytes] of entries) listed[name] = { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
  const unsigned = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: iso(options.now),
    generator: "Grounded",
    project: { name: data.project.name },
    counts: counts(data),
    entries: listed,
  } as const;
  const manifest: BackupManifest = { ...unsigned, signature: options.key ? signManifest(options.key, unsigned) : null };

  const files: Zippable = { [MANIFEST_ENTRY]: strToU8(JSON.stringify(manifest, null, 2)) };
  for (const [name, bytes] of entries) files[name] = bytes;
  return zipSync(files, { level: 6, mtime: options.now });
}

export function counts(data: BackupData): Record<string, number> {
  return {
    members: data.memberships.length,
    documents: data.documents.length,
    cases: data.cases.length,
    attributes: data.attributes.length,
    codes: data.codes.length,
    codings: data.codings.length,
    memos: data.memos.length,
    findings: data.findings.length,
    assignments: data.assignments.length,
    decisions: data.decisions.length,
    consensus: data.consensus.length,
    representativeQuotes: data.stars.length,
    savedSearches: data.savedSearches.length,
    autocodeRuns: data.batches.length,
    auditEvents: data.audit.length,
    transcriptVersions: data.documentVersions.length,
    correctionFlags: data.corrections.length,
  };
}

function toBackupData(rows: LoadedBackup["rows"], textPaths: Map<string, string>): BackupData {
  return {
    project: { ...rows.project, correctionRole: rows.project.correctionRole === "owner" ? "owner" : "analyst", createdAt: iso(rows.project.createdAt), updatedAt: iso(rows.project.updatedAt) },
    users: rows.users,
    memberships: rows.memberships.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
    attributes: rows.attributes,
    cases: rows.cases.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
    documents: rows.documents.map(({ createdAt, ...d }) => ({ ...d, textPath: textPaths.get(d.id)!, createdAt: iso(createdAt) })),
    codes: rows.codes.map((c) => ({
      id: c.id,
      refiGuid: c.refiGuid,
      parentId: c.parentId,
      name: c.name,
      colour: c.colour,
      description: c.description,
      inclusion: c.inclusion,
      exclusion: c.exclusion,
      example: c.example,
      shortcut: c.shortcut,
      position: c.position,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      deletedAt: isoOrNull(c.deletedAt),
    })),
    codings: rows.codings.map((c) => ({ ...c, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) })),
    memos: rows.memos.map((m) => ({
      id: m.id,
      refiGuid: m.refiGuid,
      authorId: m.authorId,
      documentId: m.documentId,
      codeId: m.codeId,
      caseId: m.caseId,
      codingId: m.codingId,
      title: m.title,
      body: m.body,
      createdAt: iso(m.createdAt),
      updatedAt: iso(m.updatedAt),
    })),
    findings: rows.findings.map((f) => ({
      id: f.id,
      position: f.position,
      statement: f.statement,
      figure: (f.figure ?? null) as BackupData["findings"][number]["figure"],
      statedValue: f.statedValue,
      statedText: f.statedText,
      version: f.version,
      createdById: f.createdById,
      createdAt: iso(f.createdAt),
      updatedAt: iso(f.updatedAt),
      evidence: f.evidence,
    })),
    assignments: rows.assignments.map((a) => ({ ...a, doneAt: isoOrNull(a.doneAt), createdAt: iso(a.createdAt) })),
    decisions: rows.decisions.map((d) => ({
      id: d.id,
      documentId: d.documentId,
      codeId: d.codeId,
      kind: d.kind,
      sourceCodingIds: d.sourceCodingIds,
      reason: d.reason,
      decidedById: d.decidedById,
      createdAt: iso(d.createdAt),
      undoneAt: isoOrNull(d.undoneAt),
      undoneById: d.undoneById,
    })),
    consensus: rows.consensus.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
    stars: rows.stars.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
    savedSearches: rows.savedSearches.map((s) => ({ ...s, query: s.query as BackupData["savedSearches"][number]["query"], createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) })),
    batches: rows.batches.map((b) => ({ ...b, source: b.source as BackupData["batches"][number]["source"], createdAt: iso(b.createdAt), undoneAt: isoOrNull(b.undoneAt) })),
    documentVersions: rows.documentVersions.map((v) => ({ ...v, turns: v.turns as BackupData["documentVersions"][number]["turns"], createdAt: iso(v.createdAt) })),
    corrections: rows.corrections.map((c) => ({
      ...c,
      kind: c.kind as BackupData["corrections"][number]["kind"],
      snapshot: (c.snapshot ?? null) as BackupData["corrections"][number]["snapshot"],
      createdAt: iso(c.createdAt),
      resolvedAt: isoOrNull(c.resolvedAt),
    })),
    audit: rows.audit.map((e) => ({ ...e, before: (e.before ?? null) as BackupData["audit"][number]["before"], after: (e.after ?? null) as BackupData["audit"][number]["after"], createdAt: iso(e.createdAt) })),
  };
}
