import type { RefiCode, RefiProject } from "./model";
import type { ImportWarning, MemoTarget, PlannedMemo } from "./plan-types";
import type { SourcePlan } from "./plan-sources";

/**
 * Notes -> memos. A REFI-QDA note is attached by <NoteRef> from a coding, a selection, a
 * source, a code or the project (and from a case through a selection inside the note, as
 * Grounded writes them), possibly from several; a Grounded memo hangs on one thing, so it goes
 * to the first and most specific (coding, then document, then code, then case, then the
 * project). A note nothing imported refers to is kept as a project memo.
 */
export function planMemos(
  project: RefiProject,
  noteTexts: Map<string, string>,
  sources: SourcePlan,
  userKey: (refiUser: string | null) => string,
  warnings: ImportWarning[],
  caseKeys: ReadonlySet<string> = new Set(),
): PlannedMemo[] {
  const notes = new Set(project.notes.map((note) => note.guid));
  const targets = new Map<string, MemoTarget>();
  let shared = 0;
  let unknown = 0;
  const attach = (refs: string[], target: MemoTarget | null) => {
    for (const ref of refs) {
      if (!notes.has(ref)) unknown++;
      else if (targets.has(ref)) shared++;
      else if (target) targets.set(ref, target);
    }
  };
  const coding = (key: string | undefined): MemoTarget | null => (key ? { kind: "coding", key } : null);

  for (const source of project.textSources) {
    for (const selection of source.selections) {
      for (const refiCoding of selection.codings) attach(refiCoding.noteRefs, coding(sources.codingOf.get(refiCoding.guid)));
      attach(selection.noteRefs, coding(sources.codingOf.get(selection.guid)));
    }
    for (const refiCoding of source.codings) attach(refiCoding.noteRefs, coding(sources.codingOf.get(refiCoding.guid)));
    const documentKey = sources.documentOf.get(source.guid);
    attach(source.noteRefs, documentKey ? { kind: "document", key: documentKey } : null);
  }
  const visit = (codes: RefiCode[]) => {
    for (const code of codes) {
      attach(code.noteRefs, { kind: "code", key: code.guid });
      visit(code.children);
    }
  };
  visit(project.codes);
  for (const refiCase of project.cases) attach(refiCase.noteRefs ?? [], caseKeys.has(refiCase.guid) ? { kind: "case", key: refiCase.guid } : null);
  attach(project.projectNoteRefs, { kind: "project" });

  if (shared > 0) warnings.push({ kind: "memo", message: `${shared} note reference(s) pointed at a note already attached elsewhere; each memo is attached to its first item only.` });
  if (unknown > 0) warnings.push({ kind: "memo", message: `${unknown} note reference(s) pointed at notes the file does not contain.` });
  return project.notes.map((note) => ({
    key: note.guid,
    title: note.name?.trim() ?? "",
    body: noteTexts.get(note.guid) ?? "",
    authorKey: userKey(note.creatingUser),
    target: targets.get(note.guid) ?? { kind: "project" },
  }));
}
