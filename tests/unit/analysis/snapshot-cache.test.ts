import { describe, expect, it } from "vitest";
import { cachedRows, rememberRows, snapshotCacheCounts } from "../../../lib/analysis/snapshot-cache";

describe("the snapshot cache", () => {
  it("returns rows only for the very snapshot they were computed in", () => {
    rememberRows("q1", "10:12:11", [{ n: 1 }]);
    expect(cachedRows("q1", "10:12:11")).toEqual([{ n: 1 }]);
    expect(cachedRows("q1", "10:12:")).toBeNull(); // transaction 11 finished since
    expect(cachedRows("q1", "10:13:11")).toBeNull(); // a transaction started writing since
    expect(cachedRows("q2", "10:12:11")).toBeNull();
  });

  it("keeps one snapshot per query: a newer result replaces the older", () => {
    rememberRows("q3", "1:1:", [{ n: 1 }]);
    rememberRows("q3", "2:2:", [{ n: 2 }]);
    expect(cachedRows("q3", "1:1:")).toBeNull();
    expect(cachedRows("q3", "2:2:")).toEqual([{ n: 2 }]);
  });

  it("stores a frozen copy and hands it out: the caller's rows stay theirs, a reader cannot change the cache", () => {
    const rows = [{ n: 1, bits: new Uint8Array([1]) }];
    const kept = rememberRows("q4", "5:5:", rows);
    rows[0].n = 2;
    expect(kept).not.toBe(rows);
    const out = cachedRows<{ n: number; bits: Uint8Array }>("q4", "5:5:")!;
    expect(out).toBe(kept); // no copy on a hit
    expect(() => {
      out[0].n = 3;
    }).toThrow(TypeError);
    expect(cachedRows("q4", "5:5:")).toEqual([{ n: 1, bits: new Uint8Array([1]) }]);
  });

  it("counts hits and misses, and forgets the least recently used past 200 entries", () => {
    const start = snapshotCacheCounts();
    rememberRows("keep", "7:7:", []);
    for (let i = 0; i < 199; i++) rememberRows(`filler-${i}`, "7:7:", []);
    expect(cachedRows("keep", "7:7:")).toEqual([]); // used: now the most recent
    rememberRows("one-more", "7:7:", []);
    expect(cachedRows("filler-0", "7:7:")).toBeNull(); // the oldest went
    expect(cachedRows("keep", "7:7:")).toEqual([]);
    expect(snapshotCacheCounts()).toEqual({ hits: start.hits + 2, misses: start.misses + 1 });
  });
});
