import fs from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { TranscriptPage } from "./pages/transcript-page";

/**
 * Issue 15.4 and 15.7: codes told apart without colour (labels, patterns, legend, names on hover
 * and keyboard focus, memo markers), the keyboard caret, a phone-width workspace with the
 * codebook as a drawer, the co-occurrence table in its own scroll box, and an axe-core check of
 * the document page. Read-only on the demo study: nothing here writes, so other files' counts hold.
 */

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
const OWNER = "owner@demo.grounded.test";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openP14(viewport?: { width: number; height: number }): Promise<{ page: Page; transcript: TranscriptPage }> {
  const page = await signedInPage(browser, appUrl, OWNER, viewport ? { viewport } : {});
  await page.goto(`${appUrl}/projects/${demoProjectId}`);
  await page.getByRole("link", { name: /^P14 —/ }).click();
  const transcript = new TranscriptPage(page);
  await transcript.waitUntilReady();
  return { page, transcript };
}

describe("codes readable without colour", () => {
  it("labels the margin, keys the codes in a legend, tells overlapping codes apart by line, and names codes and coders on hover and by keyboard", async () => {
    const { page, transcript } = await openP14();
    expect(await page.locator("main").count()).toBe(1);

    const legend = page.getByTestId("code-legend");
    await expect(legend.getByText(/^Codes in view \(\d+\)$/).isVisible()).resolves.toBe(true);
    const entry = legend.getByTestId("legend-entry").filter({ hasText: "Cost versus value" });
    expect(await entry.innerText()).toMatch(/Cost versus value\s*\d+/);

    // Labels beside the bars, short, with the code and coder in full on hover; none covers another.
    const labels = page.getByTestId("margin-label");
    await labels.first().waitFor();
    const titles = await labels.evaluateAll((els) => els.map((e) => e.getAttribute("title") ?? ""));
    expect(titles.some((t) => t.startsWith("Cost versus value · "))).toBe(true);
    const boxes = await page.getByTestId("margin-labels").evaluateAll((columns) =>
      columns.map((column) => [...column.querySelectorAll("[data-testid=margin-label]")].map((label) => label.getBoundingClientRect()).map((r) => [r.top, r.bottom])),
    );
    for (const column of boxes) for (let i = 1; i < column.length; i++) expect(column[i][0]).toBeGreaterThanOrEqual(column[i - 1][1] - 0.5);

    // Where two codes overlap, their lines under the text differ in style, not only in colour.
    const lines = await transcript.transcript().locator("[data-codings]").evaluateAll((spans) =>
      spans.filter((s) => parseFloat(getComputedStyle(s).borderBottomWidth) > 0).map((s) => [getComputedStyle(s).textDecorationStyle, getComputedStyle(s).borderBottomStyle, s.getAttribute("style") ?? ""]),
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const [first, second, style] of lines) expect(first, style).not.toBe(second);

    // Hover: the passage's codes and coders.
    // The longest coded run on the first screens, so a click in it and one step right stay inside.
    await transcript.transcript().locator("[data-codings]").evaluateAll((spans) => {
      const longest = spans.slice(0, 200).reduce((a, b) => ((b.textContent ?? "").length > (a.textContent ?? "").length ? b : a));
      longest.setAttribute("data-test-pick", "");
    });
    const highlight = transcript.transcript().locator("[data-test-pick]");
    await highlight.scrollIntoViewIfNeeded();
    await highlight.hover();
    const tip = page.getByTestId("passage-tip");
    await tip.waitFor();
    expect(await tip.innerText()).toMatch(/[^:]+: [^·]+/);

    // Keyboard: a caret placed in a coded passage and moved names it too, and the caret shows.
    await highlight.click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowRight");
    await tip.waitFor();
    await expect(transcript.transcript().getAttribute("aria-describedby")).resolves.toBe("passage-tip");
    const caret = page.getByTestId("keyboard-caret");
    await caret.waitFor();
    const look = await caret.evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { display: s.display, visibility: s.visibility, background: s.backgroundColor, width: r.width, height: r.height };
    });
    expect(look).toMatchObject({ visibility: "visible", background: "rgb(0, 0, 0)", width: 2 });
    expect(look.display).not.toBe("none");
    expect(look.height).toBeGreaterThan(10);

    // A memo marker is a button in the tab order that opens the coding with its memo.
    const marker = page.getByTestId("memo-marker").first();
    await marker.scrollIntoViewIfNeeded();
    await marker.focus();
    await page.keyboard.press("Enter");
    const details = page.getByTestId("coding-details");
    await details.waitFor();
    expect(await details.innerText()).toMatch(/Memo/);
    await page.close();
  });

  it("passes axe-core's WCAG A/AA checks on the document page", async () => {
    const { page } = await openP14();
    const source = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(source);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      // The transcript's own region: the workspace's other panels belong to other parts of the issue.
      const result = await axe.run({ include: [["main"]], exclude: [["#codebook-drawer"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe("the workspace at phone width (375 px)", () => {
  it("reads in one column without sideways scrolling and opens the codebook as a drawer", async () => {
    const { page, transcript } = await openP14({ width: 375, height: 800 });
    const columns = await transcript.transcript().locator("section").first().evaluate((s) => getComputedStyle(s).gridTemplateColumns.split(" ").length);
    expect(columns).toBe(1);
    const overflow = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      // What sticks out, to say why when it fails (clipped children of a truncated line included).
      wide: [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 376).slice(0, 6).map((e) => `${e.tagName}.${e.className}`.slice(0, 100)),
    }));
    expect(overflow.width, overflow.wide.join("\n")).toBeLessThanOrEqual(375);

    const drawer = page.getByTestId("codebook-drawer");
    expect(await drawer.isVisible()).toBe(false);
    await page.getByTestId("open-codebook").click();
    await expect(drawer.isVisible()).resolves.toBe(true);
    expect(await drawer.getByText("Cost versus value").first().isVisible()).toBe(true);
    const box = (await drawer.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375.5);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Close codebook");
    await page.keyboard.press("Escape");
    expect(await drawer.isVisible()).toBe(false);

    // The picker opens on a selection and fits on the screen.
    await transcript.selectWithMouse("blog post costs a few hundred");
    await transcript.picker().waitFor();
    const picker = (await transcript.picker().boundingBox())!;
    expect(picker.x).toBeGreaterThanOrEqual(0);
    expect(picker.x + picker.width).toBeLessThanOrEqual(375.5);
    await page.keyboard.press("Escape");
    await page.close();
  });
});

describe("the co-occurrence table", () => {
  it("scrolls in its own focusable box, its slanted column names inside it, the page not sideways", async () => {
    const page = await signedInPage(browser, appUrl, OWNER);
    await page.goto(`${appUrl}/projects/${demoProjectId}/summaries`);
    const region = page.getByTestId("cooccurrence-region");
    await region.waitFor();
    expect(await region.getAttribute("role")).toBe("region");
    expect(await region.getAttribute("tabindex")).toBe("0");
    const fit = await region.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const table = el.querySelector("table")!.getBoundingClientRect();
      const names = [...el.querySelectorAll("thead th span")].map((s) => s.getBoundingClientRect());
      const padding = parseFloat(getComputedStyle(el).paddingRight);
      return { room: table.right + padding, widest: Math.max(...names.map((r) => r.right)), top: box.top, highest: Math.min(...names.map((r) => r.top)), page: document.documentElement.scrollWidth, viewport: window.innerWidth };
    });
    // Transforms do not widen a table: the slanted names must fit in the room kept for them.
    expect(fit.widest).toBeLessThanOrEqual(fit.room);
    expect(fit.highest).toBeGreaterThanOrEqual(fit.top);
    expect(fit.page).toBeLessThanOrEqual(fit.viewport);
    await page.close();
  });
});
