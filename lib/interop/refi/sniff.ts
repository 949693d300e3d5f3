/**
 * What a file really is, from its first bytes ("magic numbers"), whatever its name says:
 * a .qdpx renamed from a .pdf must be refused as a PDF, not as a broken zip.
 */
export type FileKind = "zip" | "xml" | "pdf" | "png" | "jpeg" | "gif" | "ole" | "gzip" | "rar" | "7z" | "utf16-text" | "other";

const SIGNATURES: readonly [FileKind, number[]][] = [
  ["zip", [0x50, 0x4b, 0x03, 0x04]],
  ["zip", [0x50, 0x4b, 0x05, 0x06]], // an empty archive
  ["zip", [0x50, 0x4b, 0x07, 0x08]], // a spanned archive
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["png", [0x89, 0x50, 0x4e, 0x47]],
  ["jpeg", [0xff, 0xd8, 0xff]],
  ["gif", [0x47, 0x49, 0x46, 0x38]],
  ["ole", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // .doc, .xls, old NVivo .nvp
  ["gzip", [0x1f, 0x8b]],
  ["rar", [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
];

export function sniffFile(bytes: Uint8Array): FileKind {
  for (const [kind, signature] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return kind;
  }
  if (looksLikeXml(bytes)) return "xml";
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "utf16-text";
  return "other";
}

/** "a PDF document": for messages such as "x.qdpx is really a PDF document". */
export function describeKind(kind: FileKind): string {
  const names: Record<FileKind, string> = {
    zip: "a zip archive",
    xml: "an XML file",
    pdf: "a PDF document",
    png: "a PNG image",
    jpeg: "a JPEG image",
    gif: "a GIF image",
    ole: "an old-style Office file (.doc, .xls or similar)",
    gzip: "a gzip archive",
    rar: "a RAR archive",
    "7z": "a 7-Zip archive",
    "utf16-text": "a UTF-16 text file",
    other: "not a file format we know",
  };
  return names[kind];
}

// "<" after an optional byte order mark and white space, in UTF-8 or UTF-16.
function looksLikeXml(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0x3c && bytes[3] === 0x00;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes[2] === 0x00 && bytes[3] === 0x3c;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}
