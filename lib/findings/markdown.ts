import type { EvidenceView, FindingView } from "./data";
import { formatPercent } from "./display";
import type { PrintedReport, ReportMethods } from "./report";

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

/** Where a quote comes from, as a reader cites it: interview, case, speaker and turn; the analyst only when asked. */
export function evidenceSource(e: EvidenceView, showCoders: boolean): string {
  const parts = [`Interview ${e.documentTitle}${e.caseName && e.caseName !== e.documentTitle ? ` (case ${e.caseName})` : ""}`];
  if (e.speaker) parts.push(e.speaker);
  if (e.turn !== null) parts.push(`turn ${e.turn}`);
  const source = parts.join(", ");
  return showCoders && e.coderName ? `${source}; coded by ${e.coderName}` : source;
}

/** The methods section's sentences, shared by the page, the Markdown and the .docx. */
export function methodsSentences(m: ReportMethods): string[] {
  const interviews = `${m.interviews} interview${m.interviews === 1 ? "" : "s"}`;
  const cases = `${m.cases} case${m.cases === 1 ? "" : "s"}`;
  const first = `The study holds ${interviews} with ${cases}.`;
  if (m.coders.length === 0) return [first, "No coding is shown in this report."];
  const who = m.coders.map((c) => `${c.label} coded ${c.interviews} interview${c.interviews === 1 ? "" : "s"} (${c.codings} coding${c.codings === 1 ? "" : "s"})`);
  return [first, `${who.join("; ")}.`, m.agreement];
}

export const reportDate = (d: Date) => d.toISOString().slice(0, 10);

/** A finding's figure in one line of words, for readers of a file without the chart. */
export function figureSentence(f: FindingView): string | null {
  if (f.figureProblem) return `Figure: not computed (${f.figureProblem}).`;
  const r = f.result;
  if (!r) return null;
  if (r.details.kind === "code-ranking") return `${r.label}.${r.problem ? ` ${r.problem}` : ""}`;
  return `${r.display}${r.fraction ? ` (${r.fraction})` : ""}: ${r.label}.${r.problem ? ` ${r.problem}` : ""}`;
}

/**
 * The findings report as Markdown, as a reader of the published report reads it: title,
 * description and date, methods, then each statement with its figure as computed now (the
 * published figure flagged where they disagree) and its quotes with their sources. No links:
 * the file leaves the server, and a link back to it would be dead or private for its reader.
 */
export function findingsToMarkdown(printed: PrintedReport): string {
  const t = markdownText;
  const { report } = printed;
  const lines = [`# ${t(printed.title)}`, ""];
  for (const paragraph of printed.description.split(/\n+/).map((p) => p.trim()).filter(Boolean)) lines.push(t(paragraph), "");
  lines.push(`Findings report, ${reportDate(printed.generatedAt)}. Whose coding counts: ${t(report.selectionLabel)}.`, "");
  lines.push("## Methods", "", ...methodsSentences(printed.methods).map(t).flatMap((s) => [s, ""]));
  lines.push("## Findings", "");
  report.findings.forEach((finding, i) => {
    lines.push(`### ${i + 1}. ${t(finding.statement)}`, "");
    const r = finding.result;
    if (r && !finding.figureProblem && r.details.kind !== "code-ranking") {
      lines.push(`**${t(r.display)}**${r.fraction ? ` (${t(r.fraction)})` : ""}: ${t(r.label)}.${r.problem ? ` ${t(r.problem)}` : ""}`);
    } else {
      const figure = figureSentence(finding);
      if (figure) lines.push(t(figure));
    }
    if (r?.details.kind === "code-ranking") {
      lines.push("", "| Rank | Code | Interviews | Share |", "| ---: | --- | ---: | ---: |");
      for (const c of r.details.ranking) lines.push(`| ${c.rank} | ${t(c.name).replace(/\|/g, "\\|")} | ${c.interviews} | ${c.share === null ? "—" : formatPercent(c.share)} |`);
    }
    if (r || finding.figureProblem) lines.push("");
    if (finding.comparison) {
      const c = finding.comparison;
      lines.push(`Published: ${t(c.statedDisplay)}${c.statedText ? ` (“${t(c.statedText)}”)` : ""}; computed ${t(c.computedDisplay)}. ${c.mismatch ? "**Does not match the data.**" : "Matches."}`, "");
    }
    for (const e of finding.evidence) lines.push(`> ${t(e.quote)}`, `> — ${t(evidenceSource(e, printed.showCoders))}`, "");
  });
  if (report.findings.length === 0) lines.push("No findings yet.");
  return lines.join("\n") + "\n";
}
