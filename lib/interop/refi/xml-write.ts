/**
 * A small XML writer for the REFI-QDA files we export. Written here rather than taken from
 * fast-xml-parser's builder because two things must be exact: the order of child elements
 * (the schemas use xsd:sequence, so order is validity) and the escaping of line breaks and
 * tabs in attributes, which an XML parser would otherwise turn into spaces (XML 1.0 section
 * 3.3.3) — a quotation stored in a selection's name must come back as it was written.
 */
export type XmlAttrs = Record<string, string | number | boolean | null | undefined>;
export type XmlNode = { name: string; attrs: XmlAttrs; children: XmlNode[]; text: string | null };

type Child = XmlNode | null | undefined | false | readonly (XmlNode | null | undefined | false)[];

/** An element with children; falsy children (optional parts) are left out. */
export function el(name: string, attrs: XmlAttrs = {}, ...children: Child[]): XmlNode {
  const flat = children.flat().filter((child): child is XmlNode => Boolean(child));
  return { name, attrs, children: flat, text: null };
}

/** An element holding text, such as <Description>. */
export function textEl(name: string, text: string, attrs: XmlAttrs = {}): XmlNode {
  return { name, attrs, children: [], text };
}

/** The element only when the list is not empty (the schemas require at least one item in Users, Codes ...). */
export function listEl(name: string, items: XmlNode[]): XmlNode | null {
  return items.length > 0 ? el(name, {}, items) : null;
}

export function serializeXml(root: XmlNode): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, lines);
  return `${lines.join("\n")}\n`;
}

function write(node: XmlNode, depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  const open = `${indent}<${node.name}${attributes(node.attrs)}`;
  if (node.text !== null) {
    lines.push(node.text === "" ? `${open}/>` : `${open}>${escapeText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    lines.push(`${open}/>`);
  } else {
    lines.push(`${open}>`);
    for (const child of node.children) write(child, depth + 1, lines);
    lines.push(`${indent}</${node.name}>`);
  }
}

function attributes(attrs: XmlAttrs): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");
}

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeText(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
