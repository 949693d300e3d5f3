import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CoOccurrenceMatrix } from "../../../components/analysis/co-occurrence-matrix";
import type { CoOccurrence } from "../../../lib/analysis/types";

const code = (codeId: string) => ({ codeId, name: `Code ${codeId}`, depth: 0, parentId: null });

describe("the co-occurrence matrix", () => {
  it("shows each pair once, below the diagonal, as a link to its interviews", () => {
    const cooccurrence = {
      selection: { kind: "any" },
      selectionLabel: "everyone",
      codes: ["a", "b", "c"].map(code),
      cells: [
        { codeIds: ["a", "b"], interviews: 4, passages: 2 },
        { codeIds: ["a", "c"], interviews: 3, passages: 0 },
      ],
      coded: 3,
      omitted: 0,
    } as unknown as CoOccurrence;
    const html = renderToStaticMarkup(createElement(CoOccurrenceMatrix, { cooccurrence, selection: { kind: "any" } }));
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]).slice(1); // after the header row
    const cellsOf = (row: string) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>|<td[^>]*\/>/g)].map((m) => m[1] ?? "");
    expect(rows.map(cellsOf).map((cells) => cells.map((c) => c.replace(/<a [^>]*>(.*?)<\/a>/, "[$1]")))).toEqual([
      ["", "", ""], // a: the diagonal, then nothing
      ["[4 (2)]", "", ""], // b: with a
      ["[3]", "·", ""], // c: with a, not with b
    ]);
    expect(html.match(/<a /g)).toHaveLength(2); // each pair once
  });
});
