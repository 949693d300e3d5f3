import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { inferAttributeType, parseNumber } from "../../../lib/cases/infer-types";
import { readSheet } from "../../../lib/cases/sheet";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("reading case sheets", () => {
  it("reads CSV with a BOM, quoted commas and CRLF", async () => {
    const sheet = await readSheet("cases.csv", utf8('\uFEFFcase,sector,"role, title",projects\r\nP01,academia,"Professor, CV",8\r\nP02,startup,CTO,\r\n'));
    expect(sheet.columns).toEqual(["case", "sector", "role, title", "projects"]);
    expect(sheet.rows).toEqual([
      ["P01", "academia", "Professor, CV", "8"],
      ["P02", "startup", "CTO", ""],
    ]);
  });

  it("reads the first worksheet of an XLSX workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Cases");
    ws.addRow(["case", "projects", "on AWS"]);
    ws.addRow(["P01", 8, true]);
    ws.addRow(["P02", 5, false]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheet = await readSheet("cases.xlsx", bytes);
    expect(sheet).toEqual({ columns: ["case", "projects", "on AWS"], rows: [["P01", "8", "true"], ["P02", "5", "false"]] });
  });

  it("refuses a workbook that is not one, an unknown extension and a sheet without attributes", async () => {
    await expect(readSheet("cases.xlsx", utf8("case,x\n"))).rejects.toThrow(/not an Excel workbook/);
    await expect(readSheet("cases.ods", utf8("case,x\n"))).rejects.toThrow(/.csv or .xlsx/);
    await expect(readSheet("cases.csv", utf8("case\nP01\n"))).rejects.toThrow(/at least one attribute/);
  });
});

describe("inferring attribute types", () => {
  it("proposes number, boolean, category and text from the values", () => {
    expect(inferAttributeType(["8", "12", "", "1,200", "3.5"])).toBe("number");
    expect(inferAttributeType(["yes", "no", "Yes", ""])).toBe("boolean");
    expect(inferAttributeType(["academia", "startup", "academia", "startup", "academia"])).toBe("category");
    expect(inferAttributeType(["Professor of CV", "CTO", "Founder", "Data lead"])).toBe("text");
    expect(inferAttributeType(["", ""])).toBe("text");
    expect(parseNumber("1,200")).toBe(1200);
    expect(parseNumber("12 apples")).toBeNull();
  });
});
