import type { Db } from "../../../lib/db/client";
import { readStoredFigure } from "../../../lib/findings/figure";
import { projectSnapshot } from "./snapshot";

/**
 * Everything a backup must bring back, with row ids replaced by what names them (a code's
 * path, a person's e-mail, a coding's document, code, coder and span): the REFI-QDA
 * snapshot (snapshot.ts) plus what REFI-QDA cannot carry: memberships, deleted codes,
 * findings with their figures and evidence, assignments, adjudication decisions and the
 * consensus, representative quotes, blind flags and time stamps, turn timestamps, saved
 * searches and auto-coding runs (with the ids inside their queries named too), and the
 * REFI-QDA GUIDs imported rows keep.
 * `person` says how people are compared: by e-mail (matched accounts) or by name (placeholders).
 */
export async function backupSnapshot(prisma: Db, projectId: string, person: "email" | "name" = "email") {
  const base = await projectSnapshot(prisma, projectId);
  const p = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      memberships: { include: { user: true } },
      documents: { include: { turns: { orderBy: { index: "asc" } } } },
      codes: true,
      attributes: true,
      cases: true,
      memos: true,
      codings: { include: { coder: true, document: true } },
      savedSearches: { include: { createdBy: true } },
      codingBatches: { include: { actor: true, codings: true } },
      findings: { include: { createdBy: true, evidence: true } },
      assignments: { include: { user: true, assignedBy: true, document: true } },
      decisions: { include: { decidedBy: true, undoneBy: true, document: true } },
      consensus: { include: { document: true, decision: true } },
      stars: { include: { starredBy: true } },
    },
  });
  const who = (user: { email: string; name: string } | null) => (user ? user[person] : null);
  const codes = new Map(p.codes.map((c) => [c.id, c]));
  const path = (id: string): string => {
    const code = codes.get(id);
    if (!code) return "(no such code)";
    return code.parentId ? `${path(code.parentId)} / ${code.name}` : code.name;
  };
  const attributeName = new Map(p.attributes.map((a) => [a.id, a.name]));
  const codings = new Map(p.codings.map((c) => [c.id, `${c.document.title} | ${path(c.codeId)} | ${who(c.coder)} | ${c.start}-${c.end}`]));
  const coding = (id: string) => codings.get(id) ?? "(no such coding)";
  const decisionKey = (d: { documentId: string; codeId: string; kind: string; createdAt: Date }) => `${p.documents.find((x) => x.id === d.documentId)?.title} | ${path(d.codeId)} | ${d.kind} | ${d.createdAt.toISOString()}`;
  const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort().map((row) => JSON.parse(row) as T);
  const figure = (json: unknown) => {
    const { figure: f, problem } = readStoredFigure(json);
    if (!f) return problem;
    const attribute = (id: string) => attributeName.get(id) ?? "(no such attribute)";
    const filter = f.filter.map((c) => ({ ...c, attributeId: attribute(c.attributeId) }));
    if (f.kind === "interview-share") return { ...f, codeId: path(f.codeId), filter };
    if (f.kind === "code-ranking") return { ...f, parentCodeId: path(f.parentCodeId), filter };
    return { ...f, numerator: f.numerator.map(attribute), denominator: f.denominator.map(attribute), filter };
  };

  const users = new Map(p.codings.map((c) => [c.coderId, c.coder]));
  for (const m of p.memberships) users.set(m.userId, m.user);
  const title = (id: string) => p.documents.find((d) => d.id === id)?.title ?? "(no such document)";
  // A search's query string with its ids replaced by what they name (remap.ts rewrites them on restore).
  const params = (value: string) => {
    const q = new URLSearchParams(value);
    const out: Record<string, string> = Object.fromEntries(q.entries());
    if (out.documents) out.documents = out.documents.split(",").map(title).join(",");
    if (out.case) out.case = `${attributeName.get(out.case.split(":")[0]) ?? "(no such attribute)"}:${out.case.split(":").slice(1).join(":")}`;
    if (out.code) out.code = path(out.code);
    if (out.analyst) out.analyst = who(users.get(out.analyst) ?? null) ?? "(no such person)";
    return out;
  };
  const source = (json: unknown) => {
    const s = { ...(json as Record<string, unknown>) };
    if (typeof s.params === "string") s.params = params(s.params);
    if (Array.isArray(s.documentIds)) s.documentIds = s.documentIds.map((id) => title(String(id)));
    return s;
  };

  return {
    ...base,
    turnTimes: p.documents.sort((a, b) => a.position - b.position).map((d) => d.turns.map((t) => t.timestampMs)),
    refiGuids: sorted([
      ...p.attributes.map((a) => ["attribute", a.name, a.refiGuid]),
      ...p.cases.map((c) => ["case", c.name, c.refiGuid]),
      ...p.documents.map((d) => ["document", d.title, d.refiGuid]),
      ...p.codes.map((c) => ["code", path(c.id), c.refiGuid]),
      ...p.codings.map((c) => ["coding", coding(c.id), c.refiGuid]),
      ...p.memos.map((m) => ["memo", `${m.title} ${m.body}`, m.refiGuid]),
    ]),
    savedSearches: sorted(p.savedSearches.map((s) => ({ name: s.name, query: params(String((s.query as { params?: unknown }).params ?? "")), createdBy: who(s.createdBy) }))),
    autocodeRuns: sorted(
      p.codingBatches.map((b) => ({
        kind: b.kind,
        code: path(b.codeId),
        actor: who(b.actor),
        source: source(b.source),
        createdAt: b.createdAt.toISOString(),
        undoneAt: b.undoneAt?.toISOString() ?? null,
        codings: b.codings.map((c) => coding(c.id)).sort(),
      })),
    ),
    blindCoding: p.blindCoding,
    projectCreatedAt: p.createdAt.toISOString(),
    memberships: sorted(p.memberships.map((m) => [who(m.user), m.role])),
    documentDetails: p.documents
      .sort((a, b) => a.position - b.position)
      .map((d) => ({ title: d.title, position: d.position, sourceFormat: d.sourceFormat, sourceName: d.sourceName, blindCoding: d.blindCoding, createdAt: d.createdAt.toISOString() })),
    allCodes: sorted(p.codes.map((c) => ({ path: path(c.id), position: c.position, shortcut: c.shortcut, deletedAt: c.deletedAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() }))),
    allCodings: sorted(p.codings.map((c) => ({ coding: coding(c.id), quote: c.quote, memo: c.memo, version: c.version, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() }))),
    findings: p.findings
      .sort((a, b) => a.position - b.position)
      .map((f) => ({
        position: f.position,
        statement: f.statement,
        figure: figure(f.figure),
        statedValue: f.statedValue,
        statedText: f.statedText,
        version: f.version,
        createdBy: who(f.createdBy),
        evidence: f.evidence.sort((a, b) => a.position - b.position).map((e) => [coding(e.codingId), e.position]),
      })),
    assignments: sorted(p.assignments.map((a) => [a.document.title, who(a.user), who(a.assignedBy), a.doneAt?.toISOString() ?? null, a.createdAt.toISOString()])),
    decisions: sorted(
      p.decisions.map((d) => ({
        decision: decisionKey(d),
        sourceCodings: d.sourceCodingIds.map(coding).sort(),
        reason: d.reason,
        decidedBy: who(d.decidedBy),
        undoneAt: d.undoneAt?.toISOString() ?? null,
        undoneBy: who(d.undoneBy),
      })),
    ),
    consensus: sorted(p.consensus.map((c) => ({ decision: decisionKey(c.decision), document: c.document.title, code: path(c.codeId), start: c.start, end: c.end, quote: c.quote }))),
    stars: sorted(p.stars.map((s) => [coding(s.codingId), who(s.starredBy), s.createdAt.toISOString()])),
  };
}
