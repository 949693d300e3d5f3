import { AttributeType } from "../../db/generated/enums";
import { toRefiPosition } from "../positions";
import type { ExportData } from "./data";
import { composeCategoriesDescription } from "./descriptions";
import { codeElements } from "./export-codes";
import { refiGuid } from "./guid";
import { el, listEl, serializeXml, textEl, type XmlNode } from "./xml-write";

/**
 * A project as REFI-QDA 1.0 (Project.xsd): project.qde plus one plain-text file per document,
 * sources/<guid>.txt, referenced as plainTextPath="internal://<guid>.txt". Element order
 * follows the schema's sequences. Mapping:
 *  - each coding is a PlainTextSelection (positions in code points of the exported text,
 *    lib/interop/positions.ts; the name is the quoted passage, so importers can check it,
 *    the Description the coding's memo) holding one Coding with the coder as creatingUser;
 *  - codes nest as in the codebook (export-codes.ts);
 *  - attributes are Variables (text and category -> Text, number -> Integer when every value
 *    is whole, else Float, boolean -> Boolean) and cases carry their VariableValues and a
 *    SourceRef per document;
 *  - Memo rows are Notes, referenced (NoteRef) from the project, document, code or coding
 *    they belong to; REFI-QDA 1.0 gives a Case no NoteRef, so a case's memo is a note holding
 *    one selection of its whole text, which the case names by SelectionRef (read-project.ts);
 *  - Users are the analysts and owners, and anyone credited with a coding or memo, with
 *    their e-mail as id, so a re-import can match them to their accounts.
 */
export const REFI_ORIGIN = "Grounded";

export type QdpxParts = { qde: string; sources: { path: string; text: string }[] };

export function buildProjectQde(data: ExportData): QdpxParts {
  const user = (id: string) => refiGuid("user", id);
  const noteRef = (memoId: string) => el("NoteRef", { targetGUID: refiGuid("note", memoId) });
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
    return el("Variable", { guid: refiGuid("variable", attribute.id), name: attribute.name, typeOfVariable: type }, categories !== null && textEl("Description", categories));
  });
  const attributeById = new Map(data.attributes.map((a) => [a.id, a]));

  const cases = data.cases.map((c) =>
    el(
      "Case",
      { guid: refiGuid("case", c.id), name: c.name },
      c.description !== "" && textEl("Description", c.description),
      c.values.flatMap((value) => {
        const attribute = attributeById.get(value.attributeId);
        const element = attribute && valueElement(value, integerAttributes.has(attribute.id));
        return element ? [el("VariableValue", {}, el("VariableRef", { targetGUID: refiGuid("variable", value.attributeId) }), element)] : [];
      }),
      data.documents.filter((d) => d.caseId === c.id).map((d) => el("SourceRef", { targetGUID: refiGuid("source", d.id) })),
      (caseMemos.get(c.id) ?? []).map((memoId) => el("SelectionRef", { targetGUID: refiGuid("note-selection", memoId) })),
    ),
  );
  const onCase = new Set([...caseMemos.values()].flat());

  const codingsOf = new Map<string, ExportData["codings"]>();
  for (const coding of data.codings) (codingsOf.get(coding.documentId) ?? codingsOf.set(coding.documentId, []).get(coding.documentId)!).push(coding);
  const sources = data.documents.map((document) => {
    const guid = refiGuid("source", document.id);
    const selections = (codingsOf.get(document.id) ?? []).map((coding) =>
      el(
        "PlainTextSelection",
        {
          guid: refiGuid("selection", coding.id),
          name: selectionName(coding.quote),
          startPosition: toRefiPosition(coding.start, document.textLength),
          endPosition: toRefiPosition(coding.end, document.textLength),
          creatingUser: user(coding.coderId),
          creationDateTime: coding.createdAt.toISOString(),
        },
        coding.memo !== "" && textEl("Description", coding.memo),
        el(
          "Coding",
          { guid: refiGuid("coding", coding.id), creatingUser: user(coding.coderId), creationDateTime: coding.createdAt.toISOString() },
          el("CodeRef", { targetGUID: refiGuid("code", coding.codeId) }),
          codingNotes.get(coding.id),
        ),
      ),
    );
    return el(
      "TextSource",
      { guid, name: document.title, plainTextPath: `internal://${guid}.txt`, creationDateTime: document.createdAt.toISOString() },
      selections,
      documentNotes.get(document.id),
    );
  });

  const notes = data.memos.map((memo) =>
    el(
      "Note",
      { guid: refiGuid("note", memo.id), name: memo.title, creatingUser: user(memo.authorId), creationDateTime: memo.createdAt.toISOString() },
      textEl("PlainTextContent", memo.body),
      onCase.has(memo.id) &&
        el("PlainTextSelection", { guid: refiGuid("note-selection", memo.id), name: memo.title || undefined, startPosition: 0, endPosition: Array.from(memo.body).length }),
    ),
  );

  const codes = codeElements(data.codes, codeNotes);
  const root = el(
    "Project",
    {
      xmlns: "urn:QDA-XML:project:1.0",
      name: data.project.name,
      origin: REFI_ORIGIN,
      creationDateTime: data.project.createdAt.toISOString(),
      modifiedDateTime: data.project.updatedAt.toISOString(),
    },
    listEl("Users", data.users.map((u) => el("User", { guid: user(u.id), name: u.name, id: u.email || undefined }))),
    codes.length > 0 && el("CodeBook", {}, el("Codes", {}, codes)),
    listEl("Variables", variables),
    listEl("Cases", cases),
    listEl("Sources", sources),
    listEl("Notes", notes),
    data.project.description !== "" && textEl("Description", data.project.description),
    projectNotes,
  );
  return {
    qde: serializeXml(root),
    sources: data.documents.map((d) => ({ path: `sources/${refiGuid("source", d.id)}.txt`, text: d.text })),
  };
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

const NAME_MAX = 200;

// The quoted passage, cut to a readable length (importers accept a cut quote that ends in "…").
function selectionName(quote: string): string {
  const chars = Array.from(quote);
  return chars.length <= NAME_MAX ? quote : `${chars.slice(0, NAME_MAX - 1).join("")}…`;
}
