import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
const THEME = "Cost versus value";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signedIn = (email: string): Promise<Page> => signedInPage(browser, appUrl, email);

/** One passage of the theme page, found by its link to the transcript (unique: document and span). */
const passage = (page: Page, href: string): Locator => page.getByTestId("quote").filter({ has: page.locator(`a[href="${href}"]`) });
const toggle = (quote: Locator) => quote.getByRole("button", { name: "Mark as representative" });

/** Waits until the star's save has finished (the button is no longer marked busy) and checks nothing was refused. */
async function saved(quote: Locator, pressed: boolean) {
  await quote.locator(`button[aria-pressed="${pressed}"]:not([aria-disabled])`).waitFor();
  expect(await quote.getByRole("alert").count()).toBe(0);
}

describe("representative quotes", () => {
  it("an analyst stars a passage on a theme page; it stays starred, comes first in its interview, and the filter shows it; a viewer sees the mark only", async () => {
    const page = await signedIn("analyst-a@demo.grounded.test");
    await page.goto(`${appUrl}/projects/${demoProjectId}/summaries`);
    await page.getByTestId("summaries-table").getByRole("link", { name: THEME, exact: true }).click();
    await page.waitForURL(/\/themes\//);
    const themeUrl = page.url();

    // Star a passage that is not starred yet (the last of its interview, so moving first is visible).
    const candidate = page.getByTestId("quote").filter({ has: page.getByRole("button", { name: "Mark as representative", pressed: false }) }).last();
    const href = (await candidate.getByRole("link", { name: "open in the transcript" }).getAttribute("href"))!;
    const quote = passage(page, href);
    await toggle(quote).click();
    // Shown at once (optimistic), then saved.
    await quote.locator('button[aria-pressed="true"]').waitFor();
    await saved(quote, true);

    await page.reload();
    await expect(toggle(passage(page, href)).getAttribute("aria-pressed")).resolves.toBe("true");
    // First among its interview's passages.
    const group = page.getByTestId("quote-list").locator("section", { has: page.locator(`a[href="${href}"]`) });
    await expect(group.getByTestId("quote").first().locator(`a[href="${href}"]`).count()).resolves.toBe(1);

    // "Representative only" lists it, and only starred passages.
    await page.getByRole("checkbox", { name: "Representative only" }).check();
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/starred=1/);
    await expect(passage(page, href).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Mark as representative", pressed: false }).count()).resolves.toBe(0);
    await expect(page.getByTestId("selection-label").filter({ hasText: "passages" }).innerText()).resolves.toMatch(/representative only/);

    // A viewer sees which passages are starred, without the button.
    const viewer = await signedIn("viewer@demo.grounded.test");
    await viewer.goto(themeUrl);
    await expect(passage(viewer, href).innerText()).resolves.toMatch(/Representative/);
    await expect(viewer.getByRole("button", { name: "Mark as representative" }).count()).resolves.toBe(0);
    await viewer.context().close();

    // Unstar again, so the demo study is as it was for the other tests.
    await page.goto(themeUrl);
    await toggle(passage(page, href)).click();
    await saved(passage(page, href), false);
    await page.reload();
    await expect(toggle(passage(page, href)).getAttribute("aria-pressed")).resolves.toBe("false");
    await page.context().close();
  });
});
