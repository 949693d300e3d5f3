import type { Browser, Page } from "playwright-core";
import { signedInPage } from "../../../tests/e2e/pages/login-page";
import { transcriptTiming } from "../browser-timing";

export type TranscriptFigures = { text: number[]; fcp: number[]; ready: number[]; serverFirstByte: number[] };

/** The transcript page in Chromium, as bench:coding times it: one unmeasured load, then `runs`. */
export async function measureTranscript(page: Page, url: string, runs: number): Promise<TranscriptFigures> {
  const figures: TranscriptFigures = { text: [], fcp: [], ready: [], serverFirstByte: [] };
  for (let run = 0; run <= runs; run++) {
    const timing = await transcriptTiming(page, url);
    if (run === 0) continue;
    figures.text.push(timing.text);
    figures.fcp.push(timing.fcp);
    figures.ready.push(timing.ready);
    figures.serverFirstByte.push(timing.responseStart);
  }
  return figures;
}

/**
 * The code picker's filter (components/coding/code-picker.tsx) on the page left open by
 * measureTranscript: a passage selected with the mouse opens the picker, a click puts the
 * caret in its filter, then each typed character is timed from its keydown (the event's own
 * timestamp) to the first frame painted after the input event: React renders a typed
 * character synchronously within the event, so that frame shows the filtered list.
 */
export async function measurePickerKeystrokes(page: Page, queries: string[]): Promise<{ ms: number[]; listed: number[] }> {
  const points = await page.evaluate(() => {
    const root = document.querySelector("[data-testid=transcript]")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const rect = (node.parentElement as HTMLElement).getBoundingClientRect();
      if (text.length < 40 || rect.top < 80 || rect.bottom > window.innerHeight - 80) continue;
      // No named inner functions here: tsx would wrap them in a helper the page does not have.
      const start = text.indexOf(" ") + 2;
      const [from, to] = [start, start + 12].map((offset) => {
        const range = document.createRange();
        range.setStart(node!, offset);
        range.setEnd(node!, offset);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top + r.height / 2 };
      });
      return { from, to };
    }
    throw new Error("no run of text long enough in view to select");
  });
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 6 });
  await page.mouse.up();
  const filter = page.getByTestId("code-picker").getByLabel("Filter codes");
  await filter.waitFor({ timeout: 30_000 });
  await filter.click();
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>("[data-testid=code-picker] input")!;
    input.addEventListener("keydown", (e) => ((window as unknown as { __keydownAt: number }).__keydownAt = e.timeStamp), { capture: true });
  });
  const ms: number[] = [];
  const listed: number[] = [];
  for (const query of queries) {
    for (const char of query) {
      await page.evaluate(() => {
        const w = window as unknown as { __painted: Promise<number>; __keydownAt: number };
        const input = document.querySelector<HTMLInputElement>("[data-testid=code-picker] input")!;
        w.__painted = new Promise<number>((resolve) => {
          input.addEventListener(
            "input",
            () =>
              requestAnimationFrame(() => {
                // A message posted from the frame callback arrives after that frame is painted.
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - w.__keydownAt);
                channel.port2.postMessage(null);
              }),
            { once: true },
          );
        });
      });
      await page.keyboard.type(char);
      ms.push(await page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted));
      listed.push(await page.getByTestId("code-picker").getByRole("option").count());
    }
    await filter.fill("");
  }
  return { ms, listed };
}

/**
 * Opening an interview from the project page on the demo study: a click on a document in the
 * list (a client-side navigation) to the transcript's first turn painted (Element Timing
 * "transcript-text"), on the browser's clock. A fresh load of the project page before each.
 */
export async function measureOpenInterview(browser: Browser, base: string, projectId: string, email: string, runs: number): Promise<number[]> {
  const page = await signedInPage(browser, base, email);
  const ms: number[] = [];
  for (let run = 0; run <= runs; run++) {
    await page.goto(`${base}/projects/${projectId}`);
    const links = page.getByRole("list", { name: "Documents" }).getByRole("link");
    await links.first().waitFor();
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => document.addEventListener("click", (e) => ((window as unknown as { __clickAt: number }).__clickAt = e.timeStamp), { capture: true, once: true }));
    await links.nth(run % Math.max(1, await links.count())).click();
    await page.locator("[data-testid=transcript]").waitFor({ timeout: 60_000 });
    const elapsed = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const clickAt = (window as unknown as { __clickAt: number }).__clickAt;
          const observer = new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === "transcript-text" && e.startTime > clickAt);
            if (entry) {
              observer.disconnect();
              resolve(entry.startTime - clickAt);
            }
          });
          observer.observe({ type: "element", buffered: true });
          setTimeout(() => resolve(NaN), 10_000);
        }),
    );
    if (run > 0) ms.push(elapsed);
  }
  await page.context().close();
  return ms;
}

export async function transcriptPage(browser: Browser, base: string, email: string, password: string): Promise<Page> {
  return signedInPage(browser, base, email, { password });
}
