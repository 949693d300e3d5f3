import { Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { FindingView } from "./data";
import { formatPercent } from "./display";
import { evidenceSource, figureSentence, methodsSentences, reportDate } from "./markdown";
import type { PrintedReport } from "./report";

/**
 * The findings report as a Word document, the same report as the printed page and the
 * Markdown: a title page (name, description, date), methods, then each finding with its
 * figure in words (a ranking as a table) and its quotes with interview and speaker. No
 * hyperlinks: the file is handed on, and a link to this server means nothing to its reader.
 */

const para = (text: string, options: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({ keepNext: options.keepNext, spacing: { after: 120 }, children: [new TextRun({ text, bold: options.bold, italics: options.italics })] });

function rankingTable(finding: FindingView): Table | null {
  const r = finding.result;
  if (r?.details.kind !== "code-ranking" || r.details.ranking.length === 0) return null;
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ["Rank", "Code", "Interviews", "Share"].map((h) => cell(h, true)) }),
      ...r.details.ranking.map((c) => new TableRow({ cantSplit: true, children: [cell(String(c.rank)), cell(c.name), cell(String(c.interviews)), cell(c.share === null ? "—" : formatPercent(c.share))] })),
    ],
  });
}

function findingBlocks(finding: FindingView, index: number, showCoders: boolean): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(`${index + 1}. ${finding.statement}`)] })];
  const figure = figureSentence(finding);
  if (figure) blocks.push(para(figure, { keepNext: true }));
  const table = rankingTable(finding);
  if (table) blocks.push(table, para(""));
  if (finding.comparison) {
    const c = finding.comparison;
    blocks.push(para(`Published: ${c.statedDisplay}${c.statedText ? ` (“${c.statedText}”)` : ""}; computed ${c.computedDisplay}. ${c.mismatch ? "Does not match the data." : "Matches."}`));
  }
  for (const e of finding.evidence) {
    blocks.push(
      new Paragraph({ indent: { left: 720 }, keepNext: true, keepLines: true, children: [new TextRun({ text: `“${e.quote}”`, italics: true })] }),
      new Paragraph({ indent: { left: 720 }, spacing: { after: 200 }, children: [new TextRun({ text: `— ${evidenceSource(e, showCoders)}`, size: 20 })] }),
    );
  }
  return blocks;
}

export async function findingsToDocx(printed: PrintedReport): Promise<Uint8Array> {
  const { report } = printed;
  const titlePage = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(printed.title)] }),
    ...(printed.description.trim() ? printed.description.split(/\n+/).map((p) => para(p.trim())) : []),
    para(`Findings report, ${reportDate(printed.generatedAt)}`),
    para(`Whose coding counts: ${report.selectionLabel}.`),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const methods = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Methods")] }), ...methodsSentences(printed.methods).map((s) => para(s))];
  const findings = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Findings")] }),
    ...(report.findings.length === 0 ? [para("No findings yet.")] : report.findings.flatMap((f, i) => findingBlocks(f, i, printed.showCoders))),
  ];
  const doc = new Document({
    creator: "Grounded",
    title: printed.title,
    description: `Findings report, ${reportDate(printed.generatedAt)}`,
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children: [...titlePage, ...methods, ...findings] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
