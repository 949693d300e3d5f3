import { createHash } from "node:crypto";

/**
 * REFI-QDA identifies every object by a GUID (Project.xsd GUIDType: 8-4-4-4-12 hex digits,
 * either case, optionally wrapped in braces). Ours are name-based UUIDs, version 5 (RFC 9562
 * section 5.5: SHA-1 over a namespace and a name), so exporting a project twice gives the
 * same GUIDs and another tool can tell "the same code again" from "a new code":
 *
 *   guid = UUIDv5(GROUNDED_REFI_NAMESPACE, "<kind>:<row id>")
 *
 * The namespace is a fixed random UUID of our own; the kinds are listed in GuidKind. A
 * coding is written as a selection holding one coding, so both are derived from the
 * coding's row id under different kinds.
 */
export const GROUNDED_REFI_NAMESPACE = "63ef0828-b747-45b6-bd5d-6e715c42b252";

export type GuidKind = "project" | "user" | "code" | "variable" | "case" | "source" | "selection" | "coding" | "note" | "note-selection";

export function refiGuid(kind: GuidKind, rowId: string): string {
  return uuidV5(GROUNDED_REFI_NAMESPACE, `${kind}:${rowId}`);
}

export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (ns.length !== 16) throw new Error(`uuidV5: "${namespace}" is not a UUID`);
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
// Project.xsd's GUIDType exactly: braces on both sides or on neither.
const SCHEMA_GUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i;

/** Whether a value may be written as a GUID (a kept refiGuid read from someone's file may not be one). */
export function isSchemaGuid(value: string): boolean {
  return SCHEMA_GUID.test(value);
}

/**
 * The one spelling used to compare GUIDs read from files: lower case, no braces. NVivo
 * writes upper case, some tools add braces; they all name the same object. A value that is
 * not a GUID at all is kept (trimmed, lower case) so references to it still resolve.
 */
export function normalizeGuid(value: string): string {
  const trimmed = value.trim();
  const match = GUID.exec(trimmed);
  return (match ? match[1] : trimmed).toLowerCase();
}
