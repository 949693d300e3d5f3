import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, appUrl, "viewer@demo.grounded.test");
});
afterAll(async () => {
  await browser?.close();
});

describe("searching the transcripts", () => {
  it("finds every form of a word from the project page's search box, and a hit opens the transcript at it", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    const box = page.getByRole("search", { name: "Search the transcripts" }).getByRole("searchbox");
    await box.fill("label");
    await box.press("Enter");
    await page.waitForURL((url) => url.pathname.endsWith("/search") && url.searchParams.get("q") === "label");

    // 25 forms of label in the demo transcripts (tests/db/search/search.test.ts counts them in the text).
    await expect(page.getByTestId("search-summary").innerText()).resolves.toMatch(/^25 matches in \d+ interviews$/);
    const marks = await page.locator("main mark").allInnerTexts();
    expect(marks).toHaveLength(25);
    expect(new Set(marks.map((m) => m.toLowerCase()))).toEqual(new Set(["label", "labels", "labelled", "labelling"]));

    const hit = page.locator("main ol li a").filter({ has: page.locator("mark", { hasText: /^labelling$/i }) }).first();
    const context = (await hit.innerText()).replace(/\s+/g, " ");
    await hit.click();
    await page.waitForURL((url) => url.pathname.includes("/documents/") && url.searchParams.has("start"));
    const flashed = page.locator("[data-testid=transcript] .grounded-flash");
    await flashed.first().waitFor();
    expect((await flashed.allInnerTexts()).join("").toLowerCase()).toContain("labelling");
    // The words around the hit on the results page are the ones around it in the transcript.
    const words = context.replace(/^[^:]*?\s/, "").replace(/[…]/g, "").trim().split(" ").slice(-4).join(" ");
    await expect(page.getByTestId("transcript").innerText().then((t) => t.replace(/\s+/g, " "))).resolves.toContain(words);
  });

  it("searches from the header of any page of the project", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/summaries`);
    const box = page.getByRole("search", { name: "Search this project" }).getByRole("searchbox");
    await box.fill("label");
    await box.press("Enter");
    await page.waitForURL((url) => url.pathname.endsWith("/search") && url.searchParams.get("q") === "label");
    await expect(page.getByTestId("search-summary").innerText()).resolves.toMatch(/^25 matches in \d+ interviews$/);
  });

  it("narrows to an exact phrase said by respondents, and says clearly when a pattern is not valid", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/search`);
    const form = page.getByRole("search", { name: "Search the transcripts" });
    await form.getByLabel("Search for", { exact: true }).fill('"machine learning"');
    await form.getByRole("combobox", { name: /^Match/ }).selectOption({ label: "Exact phrase" });
    await form.getByRole("combobox", { name: /^Spoken by/ }).selectOption({ label: "Respondents only" });
    await form.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.searchParams.get("mode") === "phrase");
    await expect(page.getByTestId("search-summary").innerText()).resolves.toMatch(/^\d+ match(es)? in \d+ interviews?$/);
    const marks = await page.locator("main mark").allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.toLowerCase().replace(/\s+/g, " ") === "machine learning")).toBe(true);
    expect(await page.locator("main ol li a span").allInnerTexts()).not.toContain("Interviewer");

    await page.goto(`${appUrl}/projects/${demoProjectId}/search?q=${encodeURIComponent("colo(u")}&mode=regex`);
    await expect(page.locator("main").getByRole("alert").innerText()).resolves.toMatch(/not a valid regular expression/);
  });
});
