import { BackupFileError } from "./errors";
import type { BackupData } from "./schema";

/**
 * Every reference in backup.json names a row of the same backup, and no id or e-mail is
 * used twice: an archive that fails is damaged or was edited, and is refused before
 * anything is written, with the first broken reference named. Two kinds of id may name
 * nothing, as they may in the project itself: a decision's sourceCodingIds (kept as ids
 * on purpose, so a coding deleted later leaves them dangling) and the ids in a finding's
 * figure (a deleted attribute leaves a figure that asks to be defined again), and likewise
 * the ids inside a saved search's query or a run's source; restore.ts keeps those dangling.
 */
export function checkReferences(data: BackupData, fileName: string): void {
  const fail = (problem: string): never => {
    throw new BackupFileError(fileName, `backup.json ${problem}; the archive is damaged or was edited, and nothing was restored.`);
  };
  const ids = <T>(table: string, rows: T[], key: (row: T) => string) => {
    const set = new Set<string>();
    for (const row of rows) {
      const value = key(row);
      if (set.has(value)) fail(`lists ${table} ${value} twice`);
      set.add(value);
    }
    return set;
  };
  const users = ids("the user", data.users, (u) => u.id);
  ids("the e-mail address", data.users, (u) => u.email);
  const attributes = ids("the attribute", data.attributes, (a) => a.id);
  const cases = ids("the case", data.cases, (c) => c.id);
  const documents = ids("the document", data.documents, (d) => d.id);
  const codes = ids("the code", data.codes, (c) => c.id);
  const codings = ids("the coding", data.codings, (c) => c.id);
  ids("the memo", data.memos, (m) => m.id);
  ids("the finding", data.findings, (f) => f.id);
  const decisions = ids("the decision", data.decisions, (d) => d.id);
  ids("a membership of user", data.memberships, (m) => m.userId);
  ids("a representative quote of coding", data.stars, (s) => s.codingId);
  const batches = ids("the auto-coding run", data.batches, (b) => b.id);
  ids("the saved search", data.savedSearches, (s) => s.id);
  // The project keeps saved search names unique (ignoring case, lib/search/saved.ts).
  ids("the saved search name", data.savedSearches, (s) => s.name.toLowerCase());

  const need = (set: Set<string>, what: string, id: string | null, from: string) => {
    if (id !== null && !set.has(id)) fail(`says ${from} refers to ${what} ${id}, which is not in the backup`);
  };
  for (const m of data.memberships) need(users, "the user", m.userId, "a membership");
  for (const c of data.cases) for (const v of c.values) need(attributes, "the attribute", v.attributeId, `the case ${c.id}`);
  for (const d of data.documents) need(cases, "the case", d.caseId, `the document ${d.id}`);
  for (const c of data.codes) need(codes, "the parent code", c.parentId, `the code ${c.id}`);
  checkCodeTree(data.codes, fail);
  for (const c of data.codings) {
    need(documents, "the document", c.documentId, `the coding ${c.id}`);
    need(codes, "the code", c.codeId, `the coding ${c.id}`);
    need(users, "the user", c.coderId, `the coding ${c.id}`);
    need(batches, "the auto-coding run", c.batchId, `the coding ${c.id}`);
  }
  for (const b of data.batches) {
    need(codes, "the code", b.codeId, `the auto-coding run ${b.id}`);
    need(users, "the user", b.actorId, `the auto-coding run ${b.id}`);
  }
  for (const s of data.savedSearches) need(users, "the user", s.createdById, `the saved search ${s.id}`);
  for (const m of data.memos) {
    need(users, "the user", m.authorId, `the memo ${m.id}`);
    need(documents, "the document", m.documentId, `the memo ${m.id}`);
    need(codes, "the code", m.codeId, `the memo ${m.id}`);
    need(cases, "the case", m.caseId, `the memo ${m.id}`);
    need(codings, "the coding", m.codingId, `the memo ${m.id}`);
  }
  for (const f of data.findings) {
    need(users, "the user", f.createdById, `the finding ${f.id}`);
    ids(`evidence of the finding ${f.id}: the coding`, f.evidence, (e) => e.codingId);
    for (const e of f.evidence) need(codings, "the coding", e.codingId, `the evidence of the finding ${f.id}`);
  }
  for (const a of data.assignments) {
    need(documents, "the document", a.documentId, "an assignment");
    need(users, "the user", a.userId, "an assignment");
    need(users, "the user", a.assignedById, "an assignment");
  }
  for (const d of data.decisions) {
    need(documents, "the document", d.documentId, `the decision ${d.id}`);
    need(codes, "the code", d.codeId, `the decision ${d.id}`);
    need(users, "the user", d.decidedById, `the decision ${d.id}`);
    need(users, "the user", d.undoneById, `the decision ${d.id}`);
  }
  for (const c of data.consensus) {
    need(decisions, "the decision", c.decisionId, "a consensus coding");
    need(documents, "the document", c.documentId, "a consensus coding");
    need(codes, "the code", c.codeId, "a consensus coding");
  }
  for (const s of data.stars) {
    need(codings, "the coding", s.codingId, "a representative quote");
    need(users, "the user", s.starredById, "a representative quote");
  }
  for (const e of data.audit) need(users, "the user", e.actorId, `an event of the history (${e.action})`);
  for (const v of data.documentVersions) {
    need(documents, "the document", v.documentId, `an earlier version of a transcript`);
    need(users, "the user", v.authorId, `an earlier version of the document ${v.documentId}`);
  }
  for (const c of data.corrections) {
    need(documents, "the document", c.documentId, `a correction flag`);
    need(codes, "the code", c.codeId, `a correction flag`);
    need(users, "the user", c.coderId, `a correction flag`);
    need(users, "the user", c.resolvedById, `a correction flag`);
  }
}

// A code may not be its own ancestor: the restore writes parents before children.
function checkCodeTree(codes: BackupData["codes"], fail: (problem: string) => never): void {
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  for (const code of codes) {
    const seen = new Set<string>([code.id]);
    for (let parent = code.parentId; parent !== null; parent = parentOf.get(parent) ?? null) {
      if (seen.has(parent)) fail(`has the code ${code.id} inside itself (its parents form a loop)`);
      seen.add(parent);
    }
  }
}

/** Codes ordered so that every parent comes before its children. */
export function parentsFirst(codes: BackupData["codes"]): BackupData["codes"] {
  const depth = new Map<string, number>();
  const byId = new Map(codes.map((c) => [c.id, c]));
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parentId ?? null;
    const value = parent === null ? 0 : depthOf(parent) + 1;
    depth.set(id, value);
    return value;
  };
  return [...codes].sort((a, b) => depthOf(a.id) - depthOf(b.id));
}
