/**
 * Reads the value a Next.js server action returned from its response: a React Flight
 * ("RSC") stream, rows of `<hex id>:<payload>`. Row 0 is Next's envelope ({ a: "$@1", b:
 * build id, ... }) and `a` points at the row holding the action's result. Long strings come
 * as text rows (`<id>:T<hex byte length>,<text>`), so the stream is walked in bytes, not lines.
 *
 * A bench-only reader: it covers the JSON values our actions return (objects, arrays,
 * strings, numbers, dates, undefined) and refuses anything else loudly rather than guess.
 */

type Row = { kind: "json"; value: unknown } | { kind: "text"; value: string } | { kind: "error"; value: unknown };

export class FlightError extends Error {}

export function parseActionResult(bytes: Buffer): unknown {
  const rows = readRows(bytes);
  const envelope = resolveRow(rows, "0", new Set());
  if (!envelope || typeof envelope !== "object" || !("a" in envelope)) throw new FlightError(`no action result in the response: ${bytes.toString("utf8", 0, 200)}`);
  return (envelope as { a: unknown }).a;
}

function readRows(bytes: Buffer): Map<string, Row> {
  const rows = new Map<string, Row>();
  let pos = 0;
  while (pos < bytes.length) {
    const colon = bytes.indexOf(0x3a, pos);
    if (colon < 0) break;
    const id = bytes.toString("latin1", pos, colon);
    if (bytes[colon + 1] === 0x54 /* T: text row, length in UTF-8 bytes */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.toString("latin1", colon + 2, comma), 16);
      rows.set(id, { kind: "text", value: bytes.toString("utf8", comma + 1, comma + 1 + length) });
      pos = comma + 1 + length;
      continue;
    }
    const newline = bytes.indexOf(0x0a, colon);
    const end = newline < 0 ? bytes.length : newline;
    const payload = bytes.toString("utf8", colon + 1, end);
    pos = end + 1;
    const tag = payload[0];
    if (tag === "E") rows.set(id, { kind: "error", value: JSON.parse(payload.slice(1)) });
    else if (tag === "{" || tag === "[" || tag === '"' || /^[-\d tfn]/.test(tag)) rows.set(id, { kind: "json", value: JSON.parse(payload) });
    // Other tags (hints, debug info, client references) carry nothing an action result uses.
  }
  return rows;
}

function resolveRow(rows: Map<string, Row>, id: string, seen: Set<string>): unknown {
  const row = rows.get(id);
  if (!row) throw new FlightError(`row ${id} is missing from the response`);
  if (row.kind === "error") throw new FlightError(`the server answered with an error: ${JSON.stringify(row.value)}`);
  if (row.kind === "text") return row.value;
  if (seen.has(id)) throw new FlightError(`row ${id} refers to itself`);
  return revive(rows, row.value, new Set([...seen, id]));
}

function revive(rows: Map<string, Row>, value: unknown, seen: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(rows, v, seen));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(rows, v, seen)]));
  if (typeof value !== "string" || value[0] !== "$") return value;
  if (value.startsWith("$$")) return value.slice(1);
  if (value.startsWith("$D")) return new Date(value.slice(2));
  if (value === "$undefined") return undefined;
  if (value === "$NaN" || value === "$Infinity" || value === "$-Infinity" || value === "$-0") return Number(value.slice(1));
  if (value.startsWith("$n")) return BigInt(value.slice(2));
  // "$@1" (a promise), "$1" (an outlined value) or "$1:key:key" (a path into one).
  const reference = /^\$@?([0-9a-f]+)((?::[^:]+)*)$/.exec(value);
  if (!reference) throw new FlightError(`unsupported value in the response: ${value}`);
  let resolved = resolveRow(rows, reference[1], seen);
  for (const key of reference[2].split(":").slice(1)) resolved = (resolved as Record<string, unknown>)[key];
  return resolved;
}
