import { describe, expect, it } from "vitest";
import { backupSigningKey, signManifest, verifyManifest } from "../../../../lib/interop/backup/signature";
import type { BackupManifest } from "../../../../lib/interop/backup/schema";

const entries = { "backup.json": { sha256: "a".repeat(64), bytes: 10 }, "project.qde": { sha256: "b".repeat(64), bytes: 20 } };
const manifest = (overrides: Partial<BackupManifest> = {}): BackupManifest => ({
  format: "grounded-backup",
  version: 1,
  createdAt: "2026-01-02T03:04:05.000Z",
  generator: "Grounded",
  project: { name: "Study" },
  counts: {},
  entries,
  signature: null,
  ...overrides,
});

describe("backup signatures", () => {
  const key = backupSigningKey("a-server-secret-of-thirty-two-characters-or-more")!;

  it("verify an archive's entries signed with the same server key, whatever order the entries are listed in", () => {
    const signature = signManifest(key, manifest());
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { "project.qde": entries["project.qde"], "backup.json": entries["backup.json"] };
    expect(verifyManifest(key, manifest({ signature, entries: reordered }))).toBe(true);
  });

  it("refuse a changed entry, an added entry, another server's key, or no signature", () => {
    const signature = signManifest(key, manifest());
    expect(verifyManifest(key, manifest({ signature, entries: { ...entries, "backup.json": { sha256: "c".repeat(64), bytes: 10 } } }))).toBe(false);
    expect(verifyManifest(key, manifest({ signature, entries: { ...entries, "extra.txt": { sha256: "d".repeat(64), bytes: 1 } } }))).toBe(false);
    expect(verifyManifest(backupSigningKey("another-server-secret-of-thirty-two-characters"), manifest({ signature }))).toBe(false);
    expect(verifyManifest(key, manifest())).toBe(false);
    expect(verifyManifest(null, manifest({ signature }))).toBe(false);
  });

  it("derive the key from the secret, never use the secret itself, and have none without a secret", () => {
    expect(backupSigningKey("")).toBeNull();
    expect(key.toString("utf8")).not.toContain("a-server-secret");
    expect(key.length).toBe(32);
  });
});
