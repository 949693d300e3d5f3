import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "../../../lib/demo/csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks", () => {
    const csv = 'case,organisation,n\nP01,"Lab (medical, satellite)",8\nP02,"She said ""hi""",5\nP03,"two\nlines",1\n';
    expect(parseCsv(csv)).toEqual([
      ["case", "organisation", "n"],
      ["P01", "Lab (medical, satellite)", "8"],
      ["P02", 'She said "hi"', "5"],
      ["P03", "two\nlines", "1"],
    ]);
  });

  it("accepts CRLF, a byte order mark, empty fields and no final line break", () => {
    expect(parseCsv("\uFEFFa,b,c\r\n1,,3\r\n,\"\",x")).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
      ["", "", "x"],
    ]);
  });

  it("skips blank lines", () => {
    expect(parseCsv("a,b\n\n1,2\n\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it.each([
    ['a,b\n"open,2\n', /not closed/],
    ['a,b\nx"y,2\n', /quote inside an unquoted field/],
    ['a,b\n"x"y,2\n', /after a closing quote/],
  ])("refuses malformed input %j", (csv, message) => {
    expect(() => parseCsv(csv)).toThrow(message);
  });
});

describe("parseCsvRecords", () => {
  it("keys each record by the header", () => {
    expect(parseCsvRecords("case, n\nP01,8\n")).toEqual({ columns: ["case", "n"], records: [{ record: 1, values: { case: "P01", n: "8" } }] });
  });

  it("refuses a record of the wrong width and a repeated column", () => {
    expect(() => parseCsvRecords("a,b\n1,2,3\n")).toThrow(/record 1: 3 fields, the header has 2/);
    expect(() => parseCsvRecords("a,a\n1,2\n")).toThrow(/twice/);
  });
});
