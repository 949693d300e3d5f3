import { percentile } from "../load/stats";
import type { PageFigures } from "./pages";

/** The targets of issue 14.2, on this machine (2 cores). */
export const TARGETS = {
  coldP50: 500,
  warmP50: 100,
  payloadBytes: 1_000_000,
  firstPaint: 500,
  hydrated: 1_000,
  keystroke: 50,
  applyVsInsert: 3,
  openInterview: 300,
};

export const p = (values: number[], q: number) => {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length === 0 ? NaN : percentile(finite, q);
};
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString("en")} ms` : "n/a");
const kb = (n: number | null) => (n === null || n === 0 ? "n/a" : n >= 1_000_000 ? `${(n / 1_000_000).toFixed(2)} MB` : `${(n / 1000).toFixed(1)} kB`);
const verdict = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "PASS" : "FAIL");
const below = (value: number, target: number) => (Number.isFinite(value) ? value < target : false);

/**
 * One Markdown table of the pages (server time to the last byte, cold and warm, p50 / p95;
 * bytes) with the page targets, and one of the other figures beside theirs.
 */
export function pagesTable(pages: PageFigures[], runs: number): string {
  const lines = [
    `| page | cold p50 / p95 | warm p50 / p95 | HTML (gzip) | RSC | cold p50 < ${TARGETS.coldP50} ms | warm p50 < ${TARGETS.warmP50} ms | payload < 1 MB |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const page of pages) {
    const failed = page.status !== "200";
    const cold = p(page.cold, 50);
    const warm = p(page.warm, 50);
    const biggest = Math.max(page.bytes, page.rsc ?? 0);
    const isPage = page.kind === "page";
    lines.push(
      `| ${page.label}${failed ? ` (${page.status}; ${page.cold.length + page.warm.length} of ${2 * runs} samples)` : ""} | ${ms(cold)} / ${ms(p(page.cold, 95))} | ${ms(warm)} / ${ms(p(page.warm, 95))} | ${kb(page.bytes)} (${kb(page.gzip)}) | ${kb(page.rsc)} | ` +
        `${isPage ? verdict(!failed && below(cold, TARGETS.coldP50)) : "n/a"} | ${isPage ? verdict(!failed && below(warm, TARGETS.warmP50)) : "n/a"} | ${isPage ? verdict(!failed && page.bytes > 0 && biggest < TARGETS.payloadBytes) : "n/a"} |`,
    );
    for (const section of page.sections.filter(() => page.sections.length > 1)) {
      lines.push(`| &nbsp;&nbsp;section ${section.id.replace(/-heading$/, "")} | | | ${kb(section.bytes)} (HTML markup only) | | | | ${verdict(section.bytes < TARGETS.payloadBytes)} |`);
    }
  }
  return lines.join("\n");
}

export type Figure = { label: string; value: string; target: string; ok: boolean | null };

export function figuresTable(figures: Figure[]): string {
  return ["| figure | measured | target | result |", "| --- | --- | --- | --- |", ...figures.map((f) => `| ${f.label} | ${f.value} | ${f.target} | ${verdict(f.ok)} |`)].join("\n");
}

export const figure = {
  time: (label: string, samples: number[], q: number, target: number | null): Figure => {
    const value = p(samples, q);
    return { label, value: `p50 ${ms(p(samples, 50))}, p95 ${ms(p(samples, 95))} (n=${samples.length})`, target: target === null ? "-" : `p${q} < ${target} ms`, ok: target === null ? null : below(value, target) };
  },
  ms,
};
