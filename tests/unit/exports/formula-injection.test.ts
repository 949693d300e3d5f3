import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { rowsToCsv, rowsToXlsx } from "../../../lib/codings/export";
import { neutraliseFormula, toCsv } from "../../../lib/interop/csv";
import { agreementCsv } from "../../../lib/rigour/export";
import type { AgreementTable } from "../../../lib/rigour/agreement";

const HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tlooks empty", "\rreturn", '=1+1\nsecond line of a quote'];

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

describe("CSV formula injection (OWASP)", () => {
  it("prefixes a single quote to text a spreadsheet would run, and leaves other text alone", () => {
    for (const text of HOSTILE) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ["plain", " =with a space first", "a=b", "", "3.5", "'quoted"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("toCsv neutralises every text cell, multi-line ones too, and keeps numbers (a negative kappa) as numbers", () => {
    const rows = parse(toCsv([["text", "number"], ...HOSTILE.map((t) => [t, -0.25])]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(HOSTILE.map((t) => `'${t}`));
    expect(rows.slice(1).every((r) => r[1] === "-0.25")).toBe(true);
  });

  it("the codings export neutralises quotes, memos, names and titles", () => {
    const rows = HOSTILE.map((t, i) => ({ document: t, case: "", code: "@code", "code path": "@code", analyst: "-Ann", start: i, end: i + 5, quote: t, memo: t, created: "", updated: "" }));
    const csv = parse(rowsToCsv({ columns: Object.keys(rows[0]), rows }));
    for (const [i, line] of csv.slice(1).entries()) {
      expect(line[0]).toBe(`'${HOSTILE[i]}`);
      expect(line[2]).toBe("'@code");
      expect(line[4]).toBe("'-Ann");
      expect(line[5]).toBe(String(i));
      expect(line[7]).toBe(`'${HOSTILE[i]}`);
    }
  });

  it("the agreement export neutralises code and analyst names and keeps figures numeric", () => {
    const figure = (value: number) => ({ value, note: null });
    const row = (codeId: string | null) => ({ codeId, units: 4, perCoder: [2, 3], percent: figure(0.5), kappa: figure(-0.2), alpha: figure(-0.1), stabilityNote: null, inUse: true });
    const table = { coders: [{ id: "a", name: "=Ann" }, { id: "b", name: "Bo" }], codes: [{ id: "c1", name: "+Cost" }], rows: [row("c1")], overall: row(null) } as unknown as AgreementTable;
    const csv = parse(agreementCsv(table));
    expect(csv[0][2]).toBe("Coded by =Ann"); // starts with "Coded by": safe as it is
    expect(csv[1][0]).toBe("'+Cost");
    expect(csv[1][5]).toBe("-0.2");
  });

  it("XLSX cells hold hostile text as text, never as a formula", async () => {
    const rows = HOSTILE.map((t) => ({ quote: t }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await rowsToXlsx({ columns: ["quote"], rows })) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Codings")!;
    for (const [i, text] of HOSTILE.entries()) {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text.replace(/\r/g, "\n")); // XML keeps line ends as \n
    }
  });
});
