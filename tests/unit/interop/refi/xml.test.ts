import { describe, expect, it } from "vitest";
import { RefiFileError } from "../../../../lib/interop/refi/errors";
import { parseXml } from "../../../../lib/interop/refi/xml-read";
import { el, escapeAttribute, serializeXml, textEl } from "../../../../lib/interop/refi/xml-write";

const where = { fileName: "study.qdpx", part: "project.qde" };
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("reading REFI-QDA XML", () => {
  it("reads a BOM, CRLF, no declaration and namespace prefixes as plain names", () => {
    const root = parseXml(utf8('\uFEFF<q:Project xmlns:q="urn:QDA-XML:project:1.0" name="P">\r\n  <q:Description>one\r\ntwo</q:Description>\r\n  <q:Sets/>\r\n</q:Project>'), where, 10);
    expect(root.name).toBe("Project");
    expect(root.attrs.name).toBe("P");
    expect(root.children.map((c) => c.name)).toEqual(["Description", "Sets"]);
    expect(root.children[0].text).toBe("one\ntwo");
  });

  it("decodes character references, normalizes literal line breaks in attributes (XML 1.0 section 3.3.3) and keeps CDATA as written", () => {
    const root = parseXml('<P a="x&#10;y&#x1F642; &amp;&lt;&quot;" b="one\ntwo\tthree"><D>&amp;amp; &#233;<![CDATA[<b>&amp;</b>]]></D></P>', where, 10);
    expect(root.attrs.a).toBe('x\ny🙂 &<"');
    expect(root.attrs.b).toBe("one two three");
    expect(root.children[0].text).toBe("&amp; é<b>&amp;</b>");
  });

  it("reads UTF-16 files, with or without a byte order mark", () => {
    const xml = '<P name="Zoë"/>';
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(xml).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(parseXml(le, where, 10).attrs.name).toBe("Zoë");
    const bareLe = le.slice(2);
    expect(parseXml(bareLe, where, 10).attrs.name).toBe("Zoë");
  });

  it("refuses malformed XML with the file, the part, the line and the column; and nesting past the limit", () => {
    expect(() => parseXml("<P>\n<A>\n</P>", where, 10)).toThrow(RefiFileError);
    expect(() => parseXml("<P>\n<A>\n</P>", where, 10)).toThrow(/^study\.qdpx: project\.qde is not well-formed XML \(line 3, column \d+: /);
    expect(() => parseXml("", where, 10)).toThrow(/^study\.qdpx: project\.qde is empty\./);
    expect(() => parseXml("<a><b><c/></b></a>", { fileName: "x.qdc", part: null }, 2)).toThrow(/^x\.qdc: the file nests elements more than 2 deep/);
  });

  it("does not expand entities declared in a DTD (no 'billion laughs')", () => {
    const root = parseXml('<!DOCTYPE P [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><P name="&b;"/>', where, 10);
    expect(root.attrs.name).toBe("&b;");
  });
});

describe("writing REFI-QDA XML", () => {
  it("escapes what must survive a parser exactly: line breaks and tabs in attributes, markup, CR in text", () => {
    const tricky = 'Line one\nline "two"\ttab & <tag> \r\n🙂';
    const xml = serializeXml(el("P", { name: tricky }, textEl("D", tricky)));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<P name="Line one&#10;line &quot;two&quot;&#9;tab &amp; &lt;tag&gt; &#13;&#10;🙂">')).toBe(true);
    const root = parseXml(xml, where, 10);
    expect(root.attrs.name).toBe(tricky);
    expect(root.children[0].text).toBe(tricky);
  });

  it("replaces characters XML 1.0 cannot carry, and leaves out empty optional parts", () => {
    expect(escapeAttribute("a\u0001b\uFFFEc\uD800")).toBe("a\uFFFDb\uFFFDc\uFFFD");
    expect(serializeXml(el("P", { a: null, b: undefined, c: 0, d: false }, null, false, [], textEl("E", "")))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<P c="0" d="false">\n  <E/>\n</P>\n');
  });
});
