import { describe, expect, it } from "vitest";
import { citation } from "../../../lib/exports/citation";
import { attachment, safeFileName } from "../../../lib/exports/file-name";

describe("export file names", () => {
  it("keep letters, digits, dots, dashes and underscores, accents dropped", () => {
    expect(safeFileName("codings-Cost of tools", "xlsx")).toBe("codings-Cost-of-tools.xlsx");
    expect(safeFileName("codings-Émotions / Ängste", "csv")).toBe("codings-Emotions-Angste.csv");
    expect(safeFileName('quotes-"evil"\r\nSet-Cookie: x', "docx")).toBe("quotes-evil-Set-Cookie-x.docx");
    expect(safeFileName("../../etc/passwd", "csv")).toBe("etc-passwd.csv");
  });

  it("never come out empty or overlong", () => {
    expect(safeFileName("日本語", "csv")).toBe("export.csv");
    expect(safeFileName("", "docx")).toBe("export.docx");
    expect(safeFileName("x".repeat(500), "xlsx")).toBe(`${"x".repeat(80)}.xlsx`);
  });

  it("go into the header quoted and percent-encoded", () => {
    expect(attachment("codings-A.csv")).toBe(`attachment; filename="codings-A.csv"; filename*=UTF-8''codings-A.csv`);
  });
});

describe("quote citations", () => {
  it("name the interview, the speaker with their role, and the turn counted from 1", () => {
    expect(citation("Interview 07", { turnIndex: 11, speaker: "Maria", role: "respondent", line: 0 })).toBe("Interview 07, respondent (Maria), ¶ 12");
    expect(citation("Interview 07", { turnIndex: 0, speaker: "Interviewer", role: "interviewer", line: 0 })).toBe("Interview 07, Interviewer, ¶ 1");
  });

  it("fall back to the line for a transcript without speaker turns", () => {
    expect(citation("Field notes", { turnIndex: null, speaker: null, role: null, line: 4 })).toBe("Field notes, line 4");
  });
});
