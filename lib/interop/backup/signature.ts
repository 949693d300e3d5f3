import { createHmac, timingSafeEqual } from "node:crypto";
import type { BackupManifest } from "./schema";

/**
 * Who may a restore credit with work? A backup names people by e-mail, and matching them to
 * the accounts of this server is what gives a restored project back its team. But anyone can
 * write a zip: a crafted archive must not be able to make a real person a member of a project
 * or credit them with codings they never made (the REFI-QDA importer refuses the same, see
 * lib/interop/refi/mutations.ts). So the server signs what it exports: an HMAC over every
 * entry's SHA-256, keyed from the server's secret (NEXTAUTH_SECRET, which start.ts always
 * sets). An archive this server made and nobody changed is matched by e-mail; any other
 * archive restores everyone but the restorer as placeholders, and the summary says why.
 */
const CONTEXT = "grounded backup signature v1";

/** The signing key, derived from the server secret (never the session key itself), or null without one. */
export function backupSigningKey(secret = process.env.NEXTAUTH_SECRET): Buffer | null {
  return secret ? createHmac("sha256", secret).update(CONTEXT).digest() : null;
}

export function signManifest(key: Buffer, manifest: Pick<BackupManifest, "format" | "version" | "entries">): string {
  return createHmac("sha256", key).update(signedText(manifest)).digest("hex");
}

export function verifyManifest(key: Buffer | null, manifest: BackupManifest): boolean {
  if (!key || !manifest.signature) return false;
  const expected = Buffer.from(signManifest(key, manifest), "hex");
  const given = Buffer.from(manifest.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// One line per entry, sorted by name: the same text whatever order the JSON keys come in.
function signedText(manifest: Pick<BackupManifest, "format" | "version" | "entries">): string {
  const lines = Object.keys(manifest.entries)
    .sort()
    .map((name) => `${name}\t${manifest.entries[name].sha256}\t${manifest.entries[name].bytes}`);
  return [manifest.format, String(manifest.version), ...lines].join("\n");
}
