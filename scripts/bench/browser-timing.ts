import type { Page } from "playwright-core";

export type TranscriptTiming = {
  /** First contentful paint, ms after navigation start. */
  fcp: number;
  /** When the transcript's first turn was painted (Element Timing "transcript-text", see components/coding/transcript.tsx). */
  text: number;
  /** When the page was seen hydrated and selectable (data-ready): an upper bound, read after the fact. */
  ready: number;
  responseStart: number;
  responseEnd: number;
  bytes: number;
};

/**
 * Loads a transcript page and reads its timings from the browser's own clocks, all relative to
 * the navigation's start. Shared by bench:coding and bench:scale.
 */
export async function transcriptTiming(page: Page, url: string): Promise<TranscriptTiming> {
  await page.goto(url);
  await page.locator("[data-testid=transcript][data-ready=true]").waitFor({ timeout: 120_000 });
  return page.evaluate(async () => {
    const ready = performance.now();
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    // Element entries are only given to observers (buffered), not by getEntriesByType.
    const text = await new Promise<number>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === "transcript-text");
        if (entry) {
          observer.disconnect();
          resolve(entry.startTime);
        }
      });
      observer.observe({ type: "element", buffered: true });
      setTimeout(() => resolve(NaN), 2000);
    });
    return { fcp: fcp?.startTime ?? NaN, text, ready, responseStart: nav.responseStart, responseEnd: nav.responseEnd, bytes: nav.transferSize };
  });
}
