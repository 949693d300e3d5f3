import type { FindingsReport } from "./data";

/**
 * Text from people (statements, quotes, names, memos) as Markdown that shows exactly that
 * text: raw HTML becomes entities, so a report opened in a Markdown viewer cannot carry a
 * <script> or an <img onerror> written into a quote; link and image brackets, code ticks and
 * backslashes are escaped, so a quote cannot turn into a link or a tracking image either;
 * line breaks become spaces, so a statement cannot start blocks of its own.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`[\]])/g, "\\$1");
}

/**
 * The findings report as Markdown: each statement, its figure as computed now (with the
 * published figure and a flag where they disagree), and its evidence with sources.
 */
export function findingsToMarkdown(projectName: string, report: FindingsReport, generatedAt: Date): string {
  const t = markdownText;
  const lines = [`# Findings: ${t(projectName)}`, "", `Whose coding counts: ${t(report.selectionLabel)}. Figures computed ${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`, ""];
  report.findings.forEach((finding, i) => {
    lines.push(`## ${i + 1}. ${t(finding.statement)}`, "");
    if (finding.figureProblem) lines.push(`Figure: not computed (${t(finding.figureProblem)}).`, "");
    else if (finding.result) {
      const r = finding.result;
      lines.push(`**${t(r.display)}**${r.fraction ? ` (${t(r.fraction)})` : ""} — ${t(r.label)}.${r.problem ? ` ${t(r.problem)}` : ""}`);
      if (r.details.kind === "code-ranking") r.details.ranking.forEach((c) => lines.push(`${c.rank}. ${t(c.name)}: ${c.interviews} interviews`));
      lines.push("");
    }
    if (finding.comparison) {
      const c = finding.comparison;
      lines.push(`Published: ${t(c.statedDisplay)}${c.statedText ? ` (“${t(c.statedText)}”)` : ""}; computed ${t(c.computedDisplay)}. ${c.mismatch ? "**Does not match the data.**" : "Matches."}`, "");
    }
    for (const e of finding.evidence) {
      lines.push(`> ${t(e.quote)}`, `> — ${t(e.documentTitle)}${e.caseName ? `, case ${t(e.caseName)}` : ""} (${t(e.codeName)}; coded by ${t(e.coderName)})`, "");
    }
  });
  if (report.findings.length === 0) lines.push("No findings yet.");
  return lines.join("\n") + "\n";
}
