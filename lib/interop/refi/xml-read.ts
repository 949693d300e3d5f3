import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decodeText } from "./decode";
import { RefiFileError } from "./errors";

/**
 * REFI-QDA XML as a plain tree. fast-xml-parser does the parsing; this module adds what it
 * leaves out and the standard's files need:
 *  - element and attribute names without namespace prefixes (producers write <Project>,
 *    <qda:Project> or <ns0:Project> for the same element);
 *  - character references decoded in text and attributes (&#10; in a quotation), and
 *    attribute-value normalization (XML 1.0 section 3.3.3: a literal line break or tab
 *    in an attribute is a space), which the parser does not do;
 *  - a well-formedness check first, so a broken file is refused with its line and column
 *    instead of being read halfway.
 * Entities declared in a DTD are not expanded (the standard's files have none), which also
 * rules out "billion laughs" expansion; nesting deeper than maxDepth is refused by the parser
 * itself (maxNestedTags), before a deep tree is built.
 */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

type Where = { fileName: string; part: string | null };

const parserOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;
const parsers = new Map<number, XMLParser>();
const parserFor = (maxDepth: number) => {
  let parser = parsers.get(maxDepth);
  if (!parser) parsers.set(maxDepth, (parser = new XMLParser({ ...parserOptions, maxNestedTags: maxDepth })));
  return parser;
};

/** Parses XML bytes (or text) into its root element. `part` names the file inside an archive. */
export function parseXml(input: Uint8Array | string, where: Where, maxDepth: number): XmlElement {
  const text = typeof input === "string" ? input.replace(/^\uFEFF/, "") : decodeText(input, { keepBom: false }).text;
  const what = where.part ? `${where.part} is` : "the file is";
  if (text.trim() === "") throw new RefiFileError(where.fileName, `${what} empty.`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new RefiFileError(where.fileName, `${what} not well-formed XML (line ${line}, column ${col}: ${msg})`);
  }
  let nodes: unknown[];
  try {
    nodes = parserFor(maxDepth).parse(text) as unknown[];
  } catch (error) {
    if (/nested tags/i.test((error as Error).message)) throw tooDeep(where, maxDepth);
    throw new RefiFileError(where.fileName, `${what} not readable XML (${(error as Error).message})`);
  }
  const roots = nodes.flatMap((node) => toElement(node as RawNode, 1, maxDepth, where));
  if (roots.length !== 1) throw new RefiFileError(where.fileName, `${what} not a single XML document (it has ${roots.length} root elements).`);
  return roots[0];
}

type RawNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: RawNode, depth: number, maxDepth: number, where: Where): XmlElement[] {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (name === undefined || name === "#text" || name === "#cdata" || name.startsWith("?") || name.startsWith("!")) return [];
  if (depth > maxDepth) throw tooDeep(where, maxDepth);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[":@"] ?? {})) attrs[key] = decodeReferences(String(value).replace(/[\t\n\r]/g, " "));
  const children: XmlElement[] = [];
  let text = "";
  for (const child of (node[name] as RawNode[]) ?? []) {
    if ("#text" in child) text += decodeReferences(String(child["#text"]));
    else if ("#cdata" in child) text += ((child["#cdata"] as { "#text"?: string }[]) ?? []).map((part) => part["#text"] ?? "").join("");
    else children.push(...toElement(child, depth + 1, maxDepth, where));
  }
  return [{ name, attrs, children, text }];
}

const tooDeep = (where: Where, maxDepth: number) =>
  new RefiFileError(where.fileName, `${where.part ?? "the file"} nests elements more than ${maxDepth} deep; that is more than we read.`);

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

// XML 1.0 section 4.6 (the five predefined entities) and 4.1 (character references).
// An unknown entity is left as written rather than guessed.
function decodeReferences(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

// Small accessors, so readers say what they look for.
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
export const childNamed = (element: XmlElement, name: string) => element.children.find((child) => child.name === name);
export const attr = (element: XmlElement, name: string): string | null => element.attrs[name] ?? null;
/** The text of a child such as <Description>, or null when the child is absent. */
export const childText = (element: XmlElement, name: string): string | null => {
  const child = childNamed(element, name);
  return child ? child.text : null;
};
/** The items of a container element: listOf(project, "Users", "User"); none when the container is absent. */
export const listOf = (parent: XmlElement, container: string, item: string): XmlElement[] => {
  const holder = childNamed(parent, container);
  return holder ? childrenNamed(holder, item) : [];
};
