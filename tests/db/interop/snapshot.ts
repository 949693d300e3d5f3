import type { Db } from "../../../lib/db/client";

/**
 * A project as its users see it, with every row id replaced by what names it (a document's
 * title, a code's path, a coder's name: an import makes other people placeholder coders with
 * new e-mails but their names), so two projects can be compared for equality:
 * the round trip's definition of "the same".
 */
export async function projectSnapshot(prisma: Db, projectId: string) {
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      documents: { orderBy: { position: "asc" }, include: { case: true, turns: { orderBy: { index: "asc" } } } },
      codes: { where: { deletedAt: null } },
      codings: { include: { coder: true, document: true } },
      cases: { include: { values: { include: { attribute: true } } } },
      attributes: { orderBy: { position: "asc" } },
      memos: { include: { author: true, document: true, code: true, coding: { include: { document: true, coder: true } } } },
      memberships: { include: { user: true } },
    },
  });
  const byId = new Map(project.codes.map((code) => [code.id, code]));
  const path = (id: string): string => {
    const code = byId.get(id)!;
    return code.parentId && byId.has(code.parentId) ? `${path(code.parentId)} / ${code.name}` : code.name;
  };
  const rank = (code: (typeof project.codes)[number]) =>
    project.codes.filter((c) => c.parentId === code.parentId && (c.position < code.position || (c.position === code.position && c.name < code.name))).length;
  const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort().map((row) => JSON.parse(row) as T);
  return {
    name: project.name,
    description: project.description,
    documents: project.documents.map((d) => ({
      title: d.title,
      text: d.text,
      textLength: d.textLength,
      checksum: d.checksum,
      case: d.case?.name ?? null,
      turns: d.turns.map((t) => [t.speaker, t.role, t.start, t.end]),
    })),
    codes: sorted(
      project.codes.map((c) => ({ path: path(c.id), colour: c.colour, description: c.description, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, rank: rank(c) })),
    ),
    codings: sorted(
      project.codings
        .filter((c) => byId.has(c.codeId))
        .map((c) => ({ document: c.document.title, code: path(c.codeId), coder: c.coder.name, start: c.start, end: c.end, quote: c.quote, memo: c.memo })),
    ),
    analysts: [...new Set(project.codings.map((c) => c.coder.name))].sort(),
    // Positions are order keys: the order is what must survive, not the numbers.
    attributes: project.attributes.map((a) => ({ name: a.name, type: a.type, categories: a.categories })),
    cases: sorted(
      project.cases.map((c) => ({
        name: c.name,
        description: c.description,
        values: Object.fromEntries(c.values.map((v) => [v.attribute.name, v.textValue ?? v.numberValue ?? v.booleanValue])),
      })),
    ),
    memos: sorted(
      project.memos.map((m) => ({
        title: m.title,
        body: m.body,
        author: m.author.name,
        on: m.coding
          ? `coding ${m.coding.document.title} ${m.coding.start}-${m.coding.end} ${path(m.coding.codeId)} ${m.coding.coder.name}`
          : m.document
            ? `document ${m.document.title}`
            : m.code
              ? `code ${path(m.code.id)}`
              : "project",
      })),
    ),
  };
}
