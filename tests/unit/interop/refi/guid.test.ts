import { describe, expect, it } from "vitest";
import { GROUNDED_REFI_NAMESPACE, normalizeGuid, refiGuid, uuidV5 } from "../../../../lib/interop/refi/guid";

describe("GUIDs", () => {
  it("computes UUID version 5 as RFC 9562 (checked against Python's uuid.uuid5)", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(uuidV5(GROUNDED_REFI_NAMESPACE, "code:abc")).toBe("d80fd97b-ba00-5b8c-854f-3f4d9660606c");
  });

  it("derives the same GUID from the same row every time, a different one per kind, matching the schema's GUIDType", () => {
    expect(refiGuid("code", "abc")).toBe("d80fd97b-ba00-5b8c-854f-3f4d9660606c");
    expect(refiGuid("code", "abc")).toBe(refiGuid("code", "abc"));
    expect(refiGuid("selection", "abc")).not.toBe(refiGuid("coding", "abc"));
    expect(refiGuid("user", "abc")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("compares GUIDs from files in one spelling: lower case, without braces", () => {
    expect(normalizeGuid("{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}")).toBe("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    expect(normalizeGuid(" 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d ")).toBe("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    // Not a GUID at all: kept, so references to it still resolve.
    expect(normalizeGuid("Code-7")).toBe("code-7");
  });
});
