import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openQdpx } from "../../../lib/interop/refi/archive";
import { resolveLimits } from "../../../lib/interop/refi/limits";
import { parseXml } from "../../../lib/interop/refi/xml-read";
import { docxToText } from "../../../lib/interop/transcripts/docx";
import { inflateEntry, listZip, repackCapped, unzipCapped } from "../../../lib/interop/zip";
import { billionLaughs, deepXml, hugeQde, lyingZip, zipBomb } from "../../fixtures/hostile/make";

const MB = 1024 * 1024;
const limits = { maxEntries: 100, maxUnpackedBytes: 64 * MB, maxRatio: 100 };

describe("the capped zip reader", () => {
  it("reads what fflate writes, stored or deflated, names and bytes alike", () => {
    const zip = zipSync({ "a.txt": strToU8("hello"), "dir/b.txt": [strToU8("x".repeat(5000)), { level: 0 }], "é.txt": strToU8("ü") });
    const files = unzipCapped(zip, limits);
    expect([...files.keys()]).toEqual(["a.txt", "dir/b.txt", "é.txt"]);
    expect(new TextDecoder().decode(files.get("dir/b.txt"))).toBe("x".repeat(5000));
    expect(unzipSync(repackCapped(zip, limits))["é.txt"]).toEqual(strToU8("ü"));
  });

  it("stops a lying entry at the size its directory declares: 81 bytes declared, 1 GB behind them", async () => {
    const zip = await lyingZip("project.qde", 1024 * MB);
    expect(zip.length).toBeLessThan(2 * MB);
    const [entry] = listZip(zip, limits);
    expect(entry.size).toBe(81);
    expect(() => inflateEntry(zip, entry)).toThrow(/holds project\.qde, which unpacks to more than the 81 bytes its directory declares; the archive lies about its contents/);
    // fflate's unzipSync, which the importers used before, inflates the whole gigabyte and hands back 81 bytes as if nothing were wrong.
    expect(() => openQdpx(zip, "lying.qdpx", resolveLimits())).toThrow(/^lying\.qdpx: holds project\.qde, which unpacks to more than the 81 bytes/);
  });

  it("refuses a zip bomb from its directory, before inflating a byte: total, and packing ratio", async () => {
    const bomb = await zipBomb("project.qde", 1024 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    expect(() => listZip(bomb, { ...limits, maxUnpackedBytes: 4096 * MB })).toThrow(/would unpack to 1024 MB from 1 MB, more than 100 times its size/);
    expect(() => openQdpx(bomb, "bomb.qdpx", resolveLimits())).toThrow(/^bomb\.qdpx: would unpack to more than 256 MB/);
    // Packed 2,000 to 1, but only 200 KB: small files may be packed tightly.
    const small = zipSync({ "blank.txt": new Uint8Array(200 * 1024) }, { level: 9 });
    expect(unzipCapped(small, limits).get("blank.txt")!.length).toBe(200 * 1024);
  });

  it("refuses a project.qde that would unpack to hundreds of MB", async () => {
    const zip = await hugeQde(400 * MB);
    expect(() => openQdpx(zip, "huge.qdpx", resolveLimits())).toThrow(/^huge\.qdpx: would unpack to more than 256 MB/);
  });

  it("refuses a Word file that is a zip bomb before mammoth (which caps nothing) sees it", async () => {
    const bomb = await zipBomb("word/document.xml", 300 * MB);
    await expect(docxToText("bomb.docx", bomb)).rejects.toThrow(/^bomb\.docx would unpack to more than 256 MB/);
    const lying = await lyingZip("word/document.xml", 100 * MB);
    await expect(docxToText("lying.docx", lying)).rejects.toThrow(/^lying\.docx holds word\/document\.xml, which unpacks to more than the 81 bytes/);
  });

  it("refuses damaged archives with the same words as before", () => {
    expect(() => listZip(strToU8("PK\u0003\u0004not really a zip"), limits)).toThrow(/is a damaged zip archive/);
    const cut = zipSync({ "a.txt": strToU8("hello world") }).slice(0, 40);
    expect(() => listZip(cut, limits)).toThrow(/is a damaged zip archive/);
  });
});

describe("hostile XML", () => {
  const where = { fileName: "h.qdc", part: null };
  it("refuses nesting deeper than the limit before building a tree", () => {
    expect(() => parseXml(deepXml(200_000), where, 256)).toThrow(/^h\.qdc: the file nests elements more than 256 deep/);
  });
  it("does not expand entities declared in a DTD (billion laughs)", () => {
    const root = parseXml(billionLaughs(), where, 256);
    expect(root.children[0].children[0].attrs.name).toBe("&lol9;");
  });
});
