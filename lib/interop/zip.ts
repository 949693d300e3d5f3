import { inflateRawSync } from "node:zlib";
import { zipSync } from "fflate";

/**
 * Zip archives opened so that a hostile one cannot cost more than the limits allow. The
 * central directory is read first and judged on what it declares (entry count, total
 * unpacked size, packing ratio); then each entry that is wanted is inflated by zlib with
 * its output capped at the size the directory declared, so a "lying" entry that declares
 * 81 bytes and hides gigabytes stops after the 81st byte (zlib checks the cap every 16 KB
 * of output), instead of being inflated whole and cut afterwards as fflate's unzipSync
 * does. What this file reads is what a zip reader reads (APPNOTE.TXT 4.3: end of central
 * directory, Zip64 locator and record, central directory headers, local headers); only
 * stored and deflated entries, as every producer of .qdpx, .docx and .xlsx writes them.
 */
export type ZipLimits = { maxEntries: number; maxUnpackedBytes: number; maxRatio: number; ratioGraceBytes?: number };

export type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; size: number; offset: number };

/** A refused archive; `message` is the problem in the user's words, without the file's name (the caller adds it). */
export class ZipProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipProblem";
  }
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;
const DAMAGED = "is a damaged zip archive or uses a kind of compression we cannot unpack";

/** The entries the central directory lists, refused when they declare more than the limits allow. */
export function listZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  let count = view.getUint16(end + 10, true);
  let cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw damaged("its Zip64 directory is missing");
    const record = num(view, locator + 8, 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) throw damaged("its Zip64 directory is missing");
    count = num(view, record + 32, 8);
    cdOffset = num(view, record + 48, 8);
  }
  if (count > limits.maxEntries) throw new ZipProblem(`holds more than ${limits.maxEntries.toLocaleString("en")} files, more than we unpack.`);
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged("its central directory is cut short");
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      // Bit 11: UTF-8 names; otherwise read byte for byte, as fflate does.
      name: flags & 0x800 ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes),
      method: view.getUint16(at + 10, true),
      flags,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  judge(entries, bytes.length, limits);
  return entries;
}

function judge(entries: ZipEntry[], archiveBytes: number, limits: ZipLimits): void {
  const grace = limits.ratioGraceBytes ?? MB;
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > limits.maxUnpackedBytes) throw new ZipProblem(`would unpack to more than ${mb(limits.maxUnpackedBytes)}, more than we unpack.`);
  const tooTight = (size: number, packed: number) => size > grace && size > limits.maxRatio * Math.max(packed, 1);
  if (tooTight(total, archiveBytes)) {
    throw new ZipProblem(`would unpack to ${mb(total)} from ${mb(archiveBytes)}, more than ${limits.maxRatio} times its size; files packed that tightly are refused (a "zip bomb").`);
  }
  for (const entry of entries) {
    if (tooTight(entry.size, entry.compressedSize)) {
      throw new ZipProblem(`holds ${entry.name}, which would unpack to ${mb(entry.size)} from ${mb(entry.compressedSize)}, more than ${limits.maxRatio} times its packed size; files packed that tightly are refused (a "zip bomb").`);
    }
  }
}

/** One entry's bytes: never more than it declares, and refused when it holds more or less. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 0x1) throw new ZipProblem(`holds ${entry.name} encrypted; we cannot read encrypted archives.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged(`${entry.name} is not where the directory says`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(`${entry.name} is cut short`);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = packed;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw new ZipProblem(`holds ${entry.name}, which unpacks to more than the ${entry.size.toLocaleString("en")} bytes its directory declares; the archive lies about its contents and is refused.`);
      }
      throw damaged((error as Error).message);
    }
  } else throw damaged(`${entry.name} uses compression method ${entry.method}`);
  if (out.length !== entry.size) throw damaged(`${entry.name} unpacks to ${out.length} bytes, not the ${entry.size} declared`);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The files of an archive (all, or those `wanted` keeps), each checked as inflateEntry does. */
export function unzipCapped(bytes: Uint8Array, limits: ZipLimits, wanted: (entry: ZipEntry) => boolean = () => true): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of listZip(bytes, limits)) {
    if (!entry.name.endsWith("/") && wanted(entry)) files.set(entry.name, inflateEntry(bytes, entry));
  }
  return files;
}

/**
 * The archive unpacked within the limits and packed again without compression: for readers
 * that unzip by themselves (mammoth and exceljs use JSZip, which caps nothing), so what they
 * unzip is exactly what was checked here.
 */
export function repackCapped(bytes: Uint8Array, limits: ZipLimits): Uint8Array {
  return zipSync(Object.fromEntries(unzipCapped(bytes, limits)), { level: 0 });
}

function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) if (view.getUint32(at, true) === 0x06054b50) return at;
  throw damaged("it has no central directory");
}

// Zip64 (APPNOTE 4.5.3): a size or offset of 0xFFFFFFFF in the header is given in extra field 1.
function readZip64Extra(view: DataView, from: number, length: number, entry: ZipEntry): void {
  for (let at = from; at + 4 <= from + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "offset"] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) break;
        entry[key] = num(view, field, 8);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
}

function num(view: DataView, at: number, width: 8): number {
  if (at + width > view.byteLength) throw damaged("a Zip64 field is cut short");
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged("a Zip64 size is out of range");
  return Number(value);
}

const damaged = (detail: string) => new ZipProblem(`${DAMAGED} (${detail}).`);
