/**
 * Bytes -> text for the files inside a REFI-QDA export. The standard asks for UTF-8, but
 * real files come with a byte order mark, now and then in UTF-16 (Windows tools), and
 * sometimes in a legacy single-byte code page. A byte order mark decides; otherwise UTF-8
 * if the bytes are valid UTF-8, otherwise Windows-1252 (which maps every byte to one
 * character, so the producer's character positions still line up), reported by `encoding`.
 *
 * `keepBom` keeps a leading U+FEFF in the text: source texts need it, because whether a
 * producer counted it is one of the conventions lib/interop/positions.ts detects.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type DecodedText = { text: string; encoding: TextEncodingName };

export function decodeText(bytes: Uint8Array, options: { keepBom: boolean }): DecodedText {
  const encoding = detectEncoding(bytes);
  let text: string;
  if (encoding === "utf-8") {
    const decoded = tryUtf8(bytes);
    if (decoded === null) return finish(new TextDecoder("windows-1252").decode(bytes), "windows-1252", options);
    text = decoded;
  } else {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  }
  return finish(text, encoding, options);
}

function detectEncoding(bytes: Uint8Array): Exclude<TextEncodingName, "windows-1252"> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // UTF-16 without a byte order mark: an XML file starts with "<", which leaves a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return "utf-16le";
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return "utf-16be";
  return "utf-8";
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function finish(text: string, encoding: TextEncodingName, options: { keepBom: boolean }): DecodedText {
  return { text: options.keepBom ? text : text.replace(/^\uFEFF/, ""), encoding };
}
