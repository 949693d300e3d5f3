import { describe, expect, it } from "vitest";
import { encodeQuoteCell, quotesHref, readQuoteCell, relativeQuotesHref } from "../../../lib/analysis/links";
import type { QuoteCell } from "../../../lib/analysis/schema";

/** The cell as the quotes page receives it: the href's query parsed as Next parses it. */
const roundTrip = (href: string) => readQuoteCell(new URL(href, "http://x/projects/p/summaries").searchParams.get("cell") ?? undefined);

describe("links from a number to its passages", () => {
  const cells: QuoteCell[] = [
    { kind: "code", codeId: "c1" },
    { kind: "category", codeId: "c1", attributeId: "a_1", category: "Health care" },
    { kind: "category", codeId: "c1", attributeId: "a1", category: "50% & more. Really?" },
    { kind: "category", codeId: "c1", attributeId: "a1", category: "" },
    { kind: "category", codeId: "c1", attributeId: "a1", category: null },
    { kind: "pair", codeIds: ["a-1", "b-2"], scope: "interviews" },
    { kind: "pair", codeIds: ["a", "b"], scope: "passages" },
    { kind: "code", codeId: "imported.with.dots" },
    { kind: "pair", codeIds: ["x/y", "b"], scope: "interviews" },
  ];

  it("reads back every cell it writes, short or base64", () => {
    for (const cell of cells) {
      expect(roundTrip(relativeQuotesHref({ kind: "coder", coderId: "u1" }, cell))).toEqual(cell);
      expect(roundTrip(quotesHref("p", { kind: "agreed", coderIds: ["u1", "u2"] }, cell))).toEqual(cell);
    }
  });

  it("writes the common cells short, and resolves relative to a project page", () => {
    expect(relativeQuotesHref({ kind: "any" }, { kind: "code", codeId: "c1" })).toBe("quotes?coders=any&cell=c.c1");
    expect(relativeQuotesHref({ kind: "coder", coderId: "u1" }, { kind: "pair", codeIds: ["a", "b"], scope: "interviews" })).toBe("quotes?coders=coder:u1&cell=p.a.b.i");
    expect(new URL(relativeQuotesHref({ kind: "any" }, cells[0]), "http://x/projects/p/summaries?page=2").pathname).toBe("/projects/p/quotes");
    expect(encodeQuoteCell({ kind: "code", codeId: "imported.with.dots" })).not.toContain(".");
  });

  it("still reads the base64 links written before, and refuses malformed ones", () => {
    expect(readQuoteCell(Buffer.from(JSON.stringify({ kind: "code", codeId: "c1" })).toString("base64url"))).toEqual({ kind: "code", codeId: "c1" });
    for (const bad of ["c.", "c.a.b", "k.a", "p.a.b", "p.a.b.x", "z.a", "not base64!", ""]) expect(readQuoteCell(bad)).toBeNull();
  });
});
