import { strToU8, zipSync, type Zippable } from "fflate";
import type { QdpxParts } from "./export-project";

// A fixed time stamp for every entry, so the same project exports to the same bytes.
const ENTRY_TIME = new Date("2000-01-01T00:00:00Z");

/** project.qde and sources/*.txt as a .qdpx zip; texts as UTF-8 without a byte order mark. */
export function packQdpx(parts: QdpxParts): Uint8Array {
  const files: Zippable = { "project.qde": strToU8(parts.qde) };
  for (const source of parts.sources) files[source.path] = strToU8(source.text);
  return zipSync(files, { level: 6, mtime: ENTRY_TIME });
}
