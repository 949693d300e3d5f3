import type {
  RefiCase,
  RefiCoding,
  RefiNote,
  RefiOtherSource,
  RefiProject,
  RefiSelection,
  RefiTextSource,
  RefiUser,
  RefiValue,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
} from "./model";
import { clip, fail, GuidRegistry, optionalGuid, readCodes, readInteger, refs, requiredGuid, type ReadContext } from "./read-common";
import { attr, childNamed, childText, childrenNamed, listOf, type XmlElement } from "./xml-read";

/**
 * project.qde (Project.xsd, QDA-XML 1.0) -> RefiProject. Reads what Grounded can use and
 * counts what it cannot (pictures, audio, video, sets, links, graphs) for the summary.
 * Structural errors (a missing GUID, a GUID used twice, a position that is not a number)
 * are refused here; references are resolved later (plan.ts), against this whole model.
 */
export function readProject(ctx: ReadContext, root: XmlElement): RefiProject {
  if (root.name !== "Project") {
    fail(ctx, root.name === "CodeBook" ? "this is a codebook (.qdc), not a project; import it as a codebook." : `the root element is <${root.name}>, not the <Project> of a REFI-QDA project.`);
  }
  const registries = {
    users: new GuidRegistry(ctx, "users"),
    codes: new GuidRegistry(ctx, "codes"),
    variables: new GuidRegistry(ctx, "variables"),
    cases: new GuidRegistry(ctx, "cases"),
    sources: new GuidRegistry(ctx, "sources"),
    selections: new GuidRegistry(ctx, "selections"),
    codings: new GuidRegistry(ctx, "codings"),
    notes: new GuidRegistry(ctx, "notes"),
  };
  const users = listOf(root, "Users", "User").map((element): RefiUser => {
    const name = attr(element, "name");
    const guid = requiredGuid(ctx, element, `A user${name ? ` ("${name}")` : ""}`);
    registries.users.add(guid, `user "${name ?? guid}"`);
    return { guid, name, id: attr(element, "id") };
  });
  const codeBook = childNamed(root, "CodeBook");
  const codes = readCodes(ctx, codeBook && childNamed(codeBook, "Codes"), registries.codes);
  const variables = listOf(root, "Variables", "Variable").map((element) => readVariable(ctx, element, registries.variables));
  const cases = listOf(root, "Cases", "Case").map((element) => readCase(ctx, element, registries.cases));

  const textSources: RefiTextSource[] = [];
  const otherSources: RefiOtherSource[] = [];
  for (const element of childNamed(root, "Sources")?.children ?? []) {
    if (element.name === "TextSource") {
      textSources.push(readTextSource(ctx, element, registries, null));
      continue;
    }
    const kind = ({ PDFSource: "pdf", PictureSource: "picture", AudioSource: "audio", VideoSource: "video" } as const)[element.name];
    if (!kind) continue;
    const name = attr(element, "name");
    const guid = requiredGuid(ctx, element, `A ${kind} source${name ? ` ("${name}")` : ""}`);
    registries.sources.add(guid, `source "${name ?? guid}"`);
    // A PDF may carry its text (Representation, a TextSource): that text is importable.
    const representation = kind === "pdf" ? childNamed(element, "Representation") : undefined;
    if (representation) {
      textSources.push(readTextSource(ctx, representation, registries, { guid, name }));
      continue;
    }
    const selections = element.children.filter((child) => /Selection$/.test(child.name) || child.name === "Transcript");
    // Codings sit in the selections (and in a transcript's selections); counted for the summary.
    const codings = [element, ...selections, ...selections.flatMap((s) => s.children.filter((c) => /Selection$/.test(c.name)))].reduce((n, e) => n + childrenNamed(e, "Coding").length, 0);
    otherSources.push({ kind, guid, name, path: attr(element, "path") ?? attr(element, "currentPath"), selections: selections.length, codings });
  }

  const notes = listOf(root, "Notes", "Note").map((element): RefiNote => {
    const name = attr(element, "name");
    const guid = requiredGuid(ctx, element, `A note${name ? ` ("${name}")` : ""}`);
    registries.notes.add(guid, `note "${name ?? guid}"`);
    const selections = childrenNamed(element, "PlainTextSelection").flatMap((s) => optionalGuid(s, "guid") ?? []);
    return { guid, name, creatingUser: optionalGuid(element, "creatingUser"), plainTextPath: attr(element, "plainTextPath"), plainTextContent: childText(element, "PlainTextContent"), selections };
  });
  // REFI-QDA 1.0 gives a Case no NoteRef; a case's memo is a note holding one selection that the
  // case's SelectionRef points at (export-project.ts). Those refs are memo links, not passages.
  const noteOfSelection = new Map(notes.flatMap((note) => (note.selections ?? []).map((selection) => [selection, note.guid] as const)));
  for (const refiCase of cases) {
    const toNotes = (refiCase.noteRefs ?? []).filter((ref) => noteOfSelection.has(ref));
    refiCase.noteRefs = toNotes.map((ref) => noteOfSelection.get(ref)!);
    refiCase.selectionRefs -= toNotes.length;
  }

  return {
    name: attr(root, "name")?.trim() ?? "",
    origin: attr(root, "origin"),
    description: childText(root, "Description"),
    users,
    codes,
    variables,
    cases,
    textSources,
    otherSources,
    notes,
    projectNoteRefs: refs(root, "NoteRef"),
    ignored: {
      sets: listOf(root, "Sets", "Set").length,
      links: listOf(root, "Links", "Link").length,
      graphs: listOf(root, "Graphs", "Graph").length,
    },
  };
}

const VARIABLE_TYPES: readonly RefiVariableType[] = ["Text", "Boolean", "Integer", "Float", "Date", "DateTime"];

function readVariable(ctx: ReadContext, element: XmlElement, registry: GuidRegistry): RefiVariable {
  const name = attr(element, "name")?.trim() || "(unnamed variable)";
  const guid = requiredGuid(ctx, element, `The variable "${name}"`);
  registry.add(guid, `variable "${name}"`);
  const declared = attr(element, "typeOfVariable")?.trim() ?? "Text";
  const type = VARIABLE_TYPES.find((t) => t.toLowerCase() === declared.toLowerCase()) ?? "Text";
  return { guid, name, type, description: childText(element, "Description") };
}

function readCase(ctx: ReadContext, element: XmlElement, registry: GuidRegistry): RefiCase {
  const name = attr(element, "name")?.trim() || null;
  const guid = requiredGuid(ctx, element, `A case${name ? ` ("${name}")` : ""}`);
  registry.add(guid, `case "${name ?? guid}"`);
  return {
    guid,
    name,
    description: childText(element, "Description"),
    values: childrenNamed(element, "VariableValue").flatMap((value) => readVariableValue(value)),
    sourceRefs: refs(element, "SourceRef"),
    selectionRefs: childrenNamed(element, "SelectionRef").length,
    codeRefs: childrenNamed(element, "CodeRef").length,
    noteRefs: refs(element, "SelectionRef"),
  };
}

function readVariableValue(element: XmlElement): RefiVariableValue[] {
  const ref = childNamed(element, "VariableRef");
  const variableGuid = ref ? optionalGuid(ref, "targetGUID") : null;
  if (!variableGuid) return [];
  const holder = element.children.find((child) => child.name !== "VariableRef");
  if (!holder) return [];
  const raw = holder.text;
  return [{ variableGuid, value: parseValue(holder.name, raw.trim()), raw }];
}

function parseValue(element: string, text: string): RefiValue | null {
  switch (element) {
    case "TextValue":
      return { kind: "text", value: text };
    case "BooleanValue":
      return /^(true|1)$/i.test(text) ? { kind: "boolean", value: true } : /^(false|0)$/i.test(text) ? { kind: "boolean", value: false } : null;
    case "IntegerValue":
      return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? { kind: "number", value: Number(text), integer: true } : null;
    case "FloatValue":
      return text !== "" && Number.isFinite(Number(text)) ? { kind: "number", value: Number(text), integer: false } : null;
    case "DateValue":
    case "DateTimeValue":
      return text === "" ? null : { kind: "date", value: text };
    default:
      return null;
  }
}

type Registries = Record<"sources" | "selections" | "codings", GuidRegistry>;

function readTextSource(ctx: ReadContext, element: XmlElement, registries: Registries, pdf: { guid: string; name: string | null } | null): RefiTextSource {
  const name = attr(element, "name") ?? pdf?.name ?? null;
  const label = `source "${name ?? attr(element, "plainTextPath") ?? attr(element, "guid")}"`;
  const guid = requiredGuid(ctx, element, `A text ${label}`);
  registries.sources.add(guid, label);
  return {
    kind: "text",
    guid,
    aliases: pdf ? [pdf.guid] : [],
    name,
    plainTextPath: attr(element, "plainTextPath"),
    richTextPath: attr(element, "richTextPath"),
    plainTextContent: childText(element, "PlainTextContent"),
    description: childText(element, "Description"),
    selections: childrenNamed(element, "PlainTextSelection").map((selection) => readSelection(ctx, selection, registries, label)),
    codings: childrenNamed(element, "Coding").map((coding) => readCoding(ctx, coding, registries.codings, label)),
    noteRefs: refs(element, "NoteRef"),
    variableValues: childrenNamed(element, "VariableValue").length,
  };
}

function readSelection(ctx: ReadContext, element: XmlElement, registries: Registries, source: string): RefiSelection {
  const name = attr(element, "name");
  const what = `A selection${name ? ` ("${clip(name)}")` : ""} in ${source}`;
  const guid = requiredGuid(ctx, element, what);
  registries.selections.add(guid, `selection ${name ? `"${clip(name)}" ` : ""}in ${source}`);
  return {
    guid,
    name,
    start: readInteger(ctx, element, "startPosition", what),
    end: readInteger(ctx, element, "endPosition", what),
    description: childText(element, "Description"),
    creatingUser: optionalGuid(element, "creatingUser"),
    codings: childrenNamed(element, "Coding").map((coding) => readCoding(ctx, coding, registries.codings, source)),
    noteRefs: refs(element, "NoteRef"),
  };
}

function readCoding(ctx: ReadContext, element: XmlElement, registry: GuidRegistry, source: string): RefiCoding {
  const guid = requiredGuid(ctx, element, `A coding in ${source}`);
  registry.add(guid, `coding ${guid} in ${source}`);
  const codeRef = childNamed(element, "CodeRef");
  const codeGuid = codeRef ? optionalGuid(codeRef, "targetGUID") : null;
  if (!codeGuid) fail(ctx, `the coding ${guid} in ${source} names no code (it has no <CodeRef targetGUID=...>).`);
  return { guid, codeGuid, creatingUser: optionalGuid(element, "creatingUser"), noteRefs: refs(element, "NoteRef") };
}
