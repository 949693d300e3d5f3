import { describe, expect, it } from "vitest";
import {
  composeCategoriesDescription,
  composeCodeDescription,
  parseCategoriesDescription,
  parseCodeDescription,
  type CodeTexts,
} from "../../../../lib/interop/refi/descriptions";

const code = (fields: Partial<CodeTexts>): CodeTexts => ({ description: "", inclusion: "", exclusion: "", example: "", ...fields });

describe("a code's texts in one REFI-QDA Description", () => {
  it("writes readable labelled sections and reads them back", () => {
    const full = code({ description: "Reasons for AWS.\n\nTwo paragraphs.", inclusion: "Any reason.", exclusion: "Mere mentions.", example: '"It was cheap."' });
    const text = composeCodeDescription(full);
    expect(text).toBe('Reasons for AWS.\n\nTwo paragraphs.\n\nInclusion: Any reason.\n\nExclusion: Mere mentions.\n\nExample: "It was cheap."');
    expect(parseCodeDescription(text)).toEqual(full);
  });

  it("round-trips any subset of the fields, empty description included", () => {
    for (const fields of [{}, { description: "Only this." }, { inclusion: "x" }, { example: "y" }, { exclusion: "a\n\nb", example: "c" }, { description: "d", example: "e" }]) {
      expect(parseCodeDescription(composeCodeDescription(code(fields)))).toEqual(code(fields));
    }
  });

  it("reads another tool's description as the description", () => {
    expect(parseCodeDescription("Use for cost.\nSee memo.")).toEqual(code({ description: "Use for cost.\nSee memo." }));
  });
});

describe("a category attribute's categories in a Variable's Description", () => {
  it("lists them one per line under a header, and reads them back (CRLF too)", () => {
    const text = composeCategoriesDescription(["academia", "industry", "public sector"]);
    expect(text).toBe("Categories, in order:\nacademia\nindustry\npublic sector");
    expect(parseCategoriesDescription(text)).toEqual(["academia", "industry", "public sector"]);
    expect(parseCategoriesDescription("Categories, in order:\r\nA\r\nB\r\n")).toEqual(["A", "B"]);
  });

  it("gives up on categories a line cannot hold, and reads other descriptions as none", () => {
    expect(composeCategoriesDescription(["one\ntwo"])).toBeNull();
    expect(composeCategoriesDescription([" padded"])).toBeNull();
    expect(parseCategoriesDescription("The sector the case works in.")).toBeNull();
    expect(parseCategoriesDescription(null)).toBeNull();
  });
});
