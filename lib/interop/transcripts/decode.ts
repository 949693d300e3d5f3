/** Text files as UTF-8 (a BOM is dropped later by normalizeText); invalid UTF-8 is refused. */
export function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Windows tools still write Latin-1 / Windows-1252 now and then.
    const text = new TextDecoder("windows-1252").decode(bytes);
    if (/[\u0080-\u009f]/.test(text)) throw new Error(`${fileName} is not UTF-8 text. Save it as UTF-8 and import it again.`);
    return text;
  }
}
