import fs from "node:fs";

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export function latencyLine(ms: number[]): string {
  if (ms.length === 0) return "no samples";
  const s = [...ms].sort((a, b) => a - b);
  const f = (p: number) => `${percentile(s, p).toFixed(0)} ms`;
  return `p50 ${f(50)}, p95 ${f(95)}, p99 ${f(99)}, max ${s.at(-1)!.toFixed(0)} ms (n=${s.length})`;
}

/** A seeded generator, so a run's choices repeat (its timing, and so its races, do not). */
export function seededRandom(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** A refusal's reason with the names in it blanked, so refusals of the same kind group together. */
export const reasonOf = (error: { code: string; message: string }) => `${error.code}: ${error.message.replace(/"[^"]*"/g, '"…"')}`;

export function tally(items: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Resident and peak memory of a process, from /proc (Linux); null elsewhere. */
export function readRss(pid: number | undefined): { rss: string; peak: string } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => {
      const kb = Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
      return `${(kb / 1024).toFixed(0)} MiB`;
    };
    return { rss: field("VmRSS"), peak: field("VmHWM") };
  } catch {
    return null;
  }
}
