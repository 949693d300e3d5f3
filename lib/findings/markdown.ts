import type { FindingsReport } from "./data";

/**
 * The findings report as Markdown: each statement, its figure as computed now (with the
 * published figure and a flag where they disagree), and its evidence with sources.
 */
export function findingsToMarkdown(projectName: string, report: FindingsReport, generatedAt: Date): string {
  const lines = [`# Findings: ${projectName}`, "", `Whose coding counts: ${report.selectionLabel}. Figures computed ${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`, ""];
  report.findings.forEach((finding, i) => {
    lines.push(`## ${i + 1}. ${finding.statement}`, "");
    if (finding.figureProblem) lines.push(`Figure: not computed (${finding.figureProblem}).`, "");
    else if (finding.result) {
      const r = finding.result;
      lines.push(`**${r.display}**${r.fraction ? ` (${r.fraction})` : ""} — ${r.label}.${r.problem ? ` ${r.problem}` : ""}`);
      if (r.details.kind === "code-ranking") r.details.ranking.forEach((c) => lines.push(`${c.rank}. ${c.name}: ${c.interviews} interviews`));
      lines.push("");
    }
    if (finding.comparison) {
      const c = finding.comparison;
      lines.push(`Published: ${c.statedDisplay}${c.statedText ? ` (“${c.statedText}”)` : ""}; computed ${c.computedDisplay}. ${c.mismatch ? "**Does not match the data.**" : "Matches."}`, "");
    }
    for (const e of finding.evidence) {
      lines.push(`> ${e.quote.replace(/\n+/g, " ")}`, `> — ${e.documentTitle}${e.caseName ? `, case ${e.caseName}` : ""} (${e.codeName}; coded by ${e.coderName})`, "");
    }
  });
  if (report.findings.length === 0) lines.push("No findings yet.");
  return lines.join("\n") + "\n";
}
