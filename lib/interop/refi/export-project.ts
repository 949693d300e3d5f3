import { AttributeType } from "../../db/generated/enums";
import type { ExportData } from "./data";
import { composeCategoriesDescription } from "./descriptions";
import { codeElements } from "./export-codes";
import { allocateGuids } from "./export-guids";
import { targetLength, targetSource } from "./export-positions";
import { selectionElement, selectionGroups } from "./export-selections";
import { DEFAULT_EXPORT_TARGET, TARGET_LAYOUTS, type ExportTarget } from "./export-targets";
import { el, listEl, serializeXml, textEl, type XmlNode } from "./xml-write";

/**
 * A project as REFI-QDA 1.0 (Project.xsd): project.qde plus one plain-text file per document,
 * sources/<guid>.txt, referenced as plainTextPath="internal://<guid>.txt". Element order
 * follows the schema's sequences. Mapping:
 *  - each coding is a PlainTextSelection (positions counted as the target tool counts them,
 *    code points of the exported text by default: export-targets.ts, export-positions.ts;
 *    the name is the quoted passage, so importers can check it, the Description the
 *    coding's memo) holding one Coding with the coder as creatingUser; codings imported from
 *    one selection of a file go back as that one selection (export-selections.ts);
 *  - rows imported from a REFI-QDA file keep the GUIDs they had there (export-guids.ts);
 *  - codes nest as in the codebook (export-codes.ts);
 *  - attributes are Variables (text and category -> Text, number -> Integer when every value
 *    is whole, else Float, boolean -> Boolean) and cases carry their VariableValues and a
 *    SourceRef per document;
 *  - Memo rows are Notes, referenced (NoteRef) from the project, document, code or coding
 *    they belong to; REFI-QDA 1.0 gives a Case no NoteRef, so a case's memo is a note holding
 *    one selection of its whole text, which the case names by SelectionRef (read-project.ts);
 *  - Users are the analysts and owners, and anyone credited with a coding or memo, named by
 *    their display name, with their e-mail as id (so a re-import can match them to their
 *    accounts) except a placeholder coder's made-up address.
 */
export const REFI_ORIGIN = "Grounded";

export type QdpxParts = { qde: string; sources: { path: string; text: string }[] };

export function buildProjectQde(data: ExportData, target: ExportTarget = DEFAULT_EXPORT_TARGET): QdpxParts {
  const layout = TARGET_LAYOUTS[target];
  const groups = selectionGroups(data.codings);
  // Codes first and in the codebook's order, so a .qdc of the same project gets the same GUIDs.
  const guidOf = allocateGuids([
    ...data.codes.map((c) => ({ kind: "code" as const, id: c.id, refiGuid: c.refiGuid })),
    ...data.attributes.map((a) => ({ kind: "variable" as const, id: a.id, refiGuid: a.refiGuid })),
    ...data.cases.map((c) => ({ kind: "case" as const, id: c.id, refiGuid: c.refiGuid })),
    ...data.documents.map((d) => ({ kind: "source" as const, id: d.id, refiGuid: d.refiGuid })),
    ...groups.map((g) => ({ kind: "selection" as const, id: g[0].id, refiGuid: g[0].refiGuid })),
    ...data.memos.map((m) => ({ kind: "note" as const, id: m.id, refiGuid: m.refiGuid })),
    // Never kept, but claimed so that no kept GUID can equal one of them.
    ...data.users.map((u) => ({ kind: "user" as const, id: u.id, refiGuid: null })),
    ...data.codings.map((c) => ({ kind: "coding" as const, id: c.id, refiGuid: null })),
    ...data.memos.map((m) => ({ kind: "note-selection" as const, id: m.id, refiGuid: null })),
  ]);
  const user = (id: string) => guidOf("user", id);
  const noteRef = (memoId: string) => el("NoteRef", { targetGUID: guidOf("note", memoId) });
  const notesOn = (pick: (m: ExportData["memos"][number]) => string | null) => {
    const refs = new Map<string, XmlNode[]>();
    for (const memo of data.memos) {
      const target = pick(memo);
      if (target !== null) (refs.get(target) ?? refs.set(target, []).get(target)!).push(noteRef(memo.id));
    }
    return refs;
  };
  // A memo hangs on its most specific target: coding, then document, then code.
  const codingNotes = notesOn((m) => m.codingId);
  const documentNotes = notesOn((m) => (m.codingId ? null : m.documentId));
  const codeNotes = notesOn((m) => (m.codingId || m.documentId ? null : m.codeId));
  const caseMemos = new Map<string, string[]>();
  for (const m of data.memos) {
    if (!m.codingId && !m.documentId && !m.codeId && m.caseId) (caseMemos.get(m.caseId) ?? caseMemos.set(m.caseId, []).get(m.caseId)!).push(m.id);
  }
  const projectNotes = data.memos.filter((m) => !m.codingId && !m.documentId && !m.codeId && !m.caseId).map((m) => noteRef(m.id));

  const integerAttributes = new Set(
    data.attributes
      .filter((a) => a.type === AttributeType.number)
      .filter((a) => data.cases.every((c) => c.values.every((v) => v.attributeId !== a.id || v.numberValue === null || Number.isSafeInteger(v.numberValue))))
      .map((a) => a.id),
  );
  const variables = data.attributes.map((attribute) => {
    const categories = attribute.type === AttributeType.category ? composeCategoriesDescription(attribute.categories) : null;
    const type = { text: "Text", category: "Text", boolean: "Boolean", number: integerAttributes.has(attribute.id) ? "Integer" : "Float" }[attribute.type];
    return el("Variable", { guid: guidOf("variable", attribute.id), name: attribute.name, typeOfVariable: type }, categories !== null && textEl("Description", categories));
  });
  const attributeById = new Map(data.attributes.map((a) => [a.id, a]));

  const cases = data.cases.map((c) =>
    el(
      "Case",
      { guid: guidOf("case", c.id), name: c.name },
      c.description !== "" && textEl("Description", c.description),
      c.values.flatMap((value) => {
        const attribute = attributeById.get(value.attributeId);
        const element = attribute && valueElement(value, integerAttributes.has(attribute.id));
        return element ? [el("VariableValue", {}, el("VariableRef", { targetGUID: guidOf("variable", value.attributeId) }), element)] : [];
      }),
      data.documents.filter((d) => d.caseId === c.id).map((d) => el("SourceRef", { targetGUID: guidOf("source", d.id) })),
      (caseMemos.get(c.id) ?? []).map((memoId) => el("SelectionRef", { targetGUID: guidOf("note-selection", memoId) })),
    ),
  );
  const onCase = new Set([...caseMemos.values()].flat());

  const groupsOf = new Map<string, (typeof groups)[number][]>();
  for (const group of groups) (groupsOf.get(group[0].documentId) ?? groupsOf.set(group[0].documentId, []).get(group[0].documentId)!).push(group);
  const texts: QdpxParts["sources"] = [];
  const sources = data.documents.map((document) => {
    const guid = guidOf("source", document.id);
    const source = targetSource(document.text, document.textLength, layout);
    texts.push({ path: `sources/${guid}.txt`, text: source.text });
    return el(
      "TextSource",
      { guid, name: document.title, plainTextPath: `internal://${guid}.txt`, creationDateTime: document.createdAt.toISOString() },
      (groupsOf.get(document.id) ?? []).map((group) => selectionElement(group, source, guidOf, codingNotes)),
      documentNotes.get(document.id),
    );
  });

  const notes = data.memos.map((memo) =>
    el(
      "Note",
      { guid: guidOf("note", memo.id), name: memo.title, creatingUser: user(memo.authorId), creationDateTime: memo.createdAt.toISOString() },
      textEl("PlainTextContent", memo.body),
      onCase.has(memo.id) &&
        el("PlainTextSelection", { guid: guidOf("note-selection", memo.id), name: memo.title || undefined, startPosition: 0, endPosition: targetLength(memo.body, layout) }),
    ),
  );

  const codes = codeElements(data.codes, guidOf, codeNotes);
  const root = el(
    "Project",
    {
      xmlns: "urn:QDA-XML:project:1.0",
      name: data.project.name,
      origin: REFI_ORIGIN,
      creationDateTime: data.project.createdAt.toISOString(),
      modifiedDateTime: data.project.updatedAt.toISOString(),
    },
    listEl("Users", data.users.map((u) => el("User", { guid: user(u.id), name: u.name || undefined, id: userId(u.email) }))),
    codes.length > 0 && el("CodeBook", {}, el("Codes", {}, codes)),
    listEl("Variables", variables),
    listEl("Cases", cases),
    listEl("Sources", sources),
    listEl("Notes", notes),
    data.project.description !== "" && textEl("Description", data.project.description),
    projectNotes,
  );
  return { qde: serializeXml(root), sources: texts };
}

// A placeholder coder's address (refi/placeholders.ts, backup restores) names nobody: the
// other tool gets the person's name alone, as the file they came from gave it.
const PLACEHOLDER_EMAIL = /\.placeholder\.grounded\.invalid$/i;

function userId(email: string): string | undefined {
  return email === "" || PLACEHOLDER_EMAIL.test(email) ? undefined : email;
}

type Value = ExportData["cases"][number]["values"][number];

function valueElement(value: Value, integer: boolean): XmlNode | null {
  if (value.textValue !== null) return textEl("TextValue", value.textValue);
  if (value.booleanValue !== null) return textEl("BooleanValue", String(value.booleanValue));
  if (value.numberValue !== null && Number.isFinite(value.numberValue)) {
    return integer ? textEl("IntegerValue", String(value.numberValue)) : textEl("FloatValue", decimal(value.numberValue));
  }
  return null;
}

/** xsd:decimal has no exponent: 1e-7 is written 0.0000001. */
export function decimal(value: number): string {
  const plain = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(plain);
  if (!match) return plain;
  const [, sign, head, tail = "", exp] = match;
  const digits = head + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
