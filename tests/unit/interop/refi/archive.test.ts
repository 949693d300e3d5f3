import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openQdpx } from "../../../../lib/interop/refi/archive";
import { describeLimits, resolveLimits } from "../../../../lib/interop/refi/limits";
import type { RefiProject, RefiTextSource } from "../../../../lib/interop/refi/model";
import { describeKind, sniffFile } from "../../../../lib/interop/refi/sniff";
import { loadTexts } from "../../../../lib/interop/refi/source-texts";
import { minimalQdpx } from "./fixtures";

const limits = resolveLimits();
const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0, 0, 0, 0, 0]);

describe("what a file really is", () => {
  it("goes by the first bytes, not the name", () => {
    expect(sniffFile(minimalQdpx())).toBe("zip");
    expect(sniffFile(strToU8("%PDF-1.4\n"))).toBe("pdf");
    expect(sniffFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe("ole");
    expect(sniffFile(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpeg");
    expect(sniffFile(strToU8("\uFEFF\r\n  <?xml version='1.0'?><Project/>"))).toBe("xml");
    expect(sniffFile(strToU8("Interviewer: hello"))).toBe("other");
    expect(describeKind("pdf")).toBe("a PDF document");
  });

  it("states the limits in the user's words", () => {
    expect(describeLimits()).toBe("Files up to 100 MB; a .qdpx may hold at most 10,000 files and 256 MB once unpacked, each file no more than 100 times its packed size. Each file is read within 512 MB of memory and 60 s.");
  });
});

describe("opening a .qdpx", () => {
  it("finds project.qde or Project.qde at the top, or the one .qde in a folder", () => {
    expect(openQdpx(minimalQdpx(), "a.qdpx", limits)).toMatchObject({ projectEntry: "project.qde", baseDir: "" });
    expect(openQdpx(minimalQdpx({ projectEntry: "Project.qde" }), "a.qdpx", limits).projectEntry).toBe("Project.qde");
    const nested = zipSync({ "My Study/Project.qde": strToU8("<Project/>"), "My Study/Sources/a.txt": strToU8("a") });
    const archive = openQdpx(nested, "n.qdpx", limits);
    expect(archive).toMatchObject({ projectEntry: "My Study/Project.qde", baseDir: "my study/" });
    expect(archive.find("my study\\sources\\A.TXT")).toBe("My Study/Sources/a.txt");
  });

  it("refuses an XML file, an archive with two projects, and a damaged zip, naming the file", () => {
    expect(() => openQdpx(strToU8('<?xml version="1.0"?><Project/>'), "p.qdpx", limits)).toThrow(/^p\.qdpx: is an XML file, not a \.qdpx project/);
    const two = zipSync({ "a/project.qde": strToU8("<Project/>"), "b/project.qde": strToU8("<Project/>") });
    expect(() => openQdpx(two, "two.qdpx", limits)).toThrow(/^two\.qdpx: holds 2 project files/);
    const cut = minimalQdpx().slice(0, 300);
    expect(() => openQdpx(cut, "cut.qdpx", limits)).toThrow(/^cut\.qdpx: is a damaged zip archive/);
    expect(() => openQdpx(new Uint8Array(0), "none.qdpx", limits)).toThrow(/^none\.qdpx: is empty\./);
  });
});

function project(sources: Partial<RefiTextSource>[]): RefiProject {
  return {
    name: "p",
    origin: null,
    description: null,
    users: [],
    codes: [],
    variables: [],
    cases: [],
    textSources: sources.map((source, i) => ({
      kind: "text",
      guid: `s${i}`,
      aliases: [],
      name: null,
      plainTextPath: null,
      richTextPath: null,
      plainTextContent: null,
      description: null,
      selections: [],
      codings: [],
      noteRefs: [],
      variableValues: 0,
      ...source,
    })),
    otherSources: [],
    notes: [],
    projectNoteRefs: [],
    ignored: { sets: 0, links: 0, graphs: 0 },
  };
}

describe("finding a source's text", () => {
  const zip = zipSync({
    "project.qde": strToU8("<Project/>"),
    "sources/plain.txt": strToU8("plain"),
    "Sources/Upper Case.txt": strToU8("upper"),
    "sources/bom.txt": new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8("bom")]),
    "sources/utf16.txt": new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]),
    "sources/latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
    "sources/fake.txt": strToU8("%PDF-1.7\n"),
    "sources/nul.txt": new Uint8Array([0x61, 0x00, 0x62]),
  });
  const archive = openQdpx(zip, "s.qdpx", limits);

  it("reads internal://, bare and sources/ paths in any case, keeps a BOM for position counting, decodes UTF-16", () => {
    const lookup = loadTexts(
      project([
        { plainTextPath: "internal://plain.txt" },
        { plainTextPath: "upper%20case.txt" },
        { plainTextPath: "sources/bom.txt" },
        { plainTextPath: "internal://utf16.txt" },
        { plainTextContent: "inline text" },
      ]),
      archive,
    );
    expect([...lookup.texts.entries()].map(([guid, text]) => [guid, text.raw, text.from])).toEqual([
      ["s0", "plain", "sources/plain.txt"],
      ["s1", "upper", "Sources/Upper Case.txt"],
      ["s2", "\uFEFFbom", "sources/bom.txt"],
      ["s3", "\uFEFFHi", "sources/utf16.txt"],
      ["s4", "inline text", "the project file"],
    ]);
    expect(lookup.skipped.size).toBe(0);
  });

  it("skips, with the reason, texts outside the archive, missing, rich-text only, not plain text; reads other code pages as Windows-1252", () => {
    const lookup = loadTexts(
      project([
        { plainTextPath: "relative://../texts/a.txt" },
        { plainTextPath: "internal://gone.txt" },
        { richTextPath: "internal://a.docx" },
        {},
        { plainTextPath: "fake.txt" },
        { plainTextPath: "nul.txt" },
        { plainTextPath: "latin1.txt" },
      ]),
      archive,
    );
    expect(Object.fromEntries(lookup.skipped)).toEqual({
      s0: "its text is outside the project file (relative://../texts/a.txt)",
      s1: "its text file internal://gone.txt is not in the archive",
      s2: "it has only a rich-text version (internal://a.docx); Grounded reads plain text, which the file does not include",
      s3: "it has no text",
      s4: "its text file sources/fake.txt is really a PDF document, not plain text",
      s5: "its text file sources/nul.txt holds NUL characters, so it is not plain text",
    });
    expect(lookup.texts.get("s6")?.raw).toBe("café");
    expect(lookup.warnings).toEqual(["sources/latin1.txt is not valid UTF-8; it was read as Windows-1252."]);
  });
});
