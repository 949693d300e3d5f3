import type { Readable } from "node:stream";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, appUrl, "owner@demo.grounded.test", { viewport: { width: 1200, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe("the printed findings report", () => {
  it("prints as a reader reads it: a title page and methods, no link URLs or server links, no analyst names, chart titles inside their box", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/findings`);
    await page.getByTestId("finding").first().waitFor();
    await page.emulateMedia({ media: "print" });
    try {
      const title = page.getByTestId("title-page");
      await expect(title.innerText()).resolves.toMatch(/Why TensorFlow projects run on AWS[\s\S]*A demo study: 32 interviews[\s\S]*Findings report, \d{4}-\d{2}-\d{2}/);
      // The title page stands alone: the browser breaks the page after it.
      await expect(title.evaluate((el) => getComputedStyle(el).breakAfter)).resolves.toBe("page");
      await expect(page.getByTestId("methods").innerText()).resolves.toMatch(/Methods[\s\S]*Analyst 1 coded 32 interviews \(\d+ codings\); Analyst 2 coded 32 interviews/);
      // What the printed page shows: the app's header, buttons and "source" links are hidden.
      const printed = await page.locator("body").innerText();
      expect(printed).not.toMatch(/https?:\/\/|localhost|coded by|Ana Analyst|Ben Analyst|Print or save as PDF|Download/);
      expect(printed).toMatch(/— Interview P\d+ — .+, turn \d+/);
      // No URL is printed after a link, and links print as plain text.
      const links = await page.locator("main a[href]").evaluateAll((as) =>
        as.filter((a) => a.getBoundingClientRect().width > 0).map((a) => ({ after: getComputedStyle(a, "::after").content, decoration: getComputedStyle(a).textDecorationLine })),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link).toEqual({ after: expect.stringMatching(/^(none|normal)$/), decoration: "none" });
      // A finding's statement, figure and chart are one block the printer does not split.
      await expect(page.getByTestId("finding-head").first().evaluate((el) => getComputedStyle(el).breakInside)).resolves.toBe("avoid");
      // The ranking chart's title is the whole statement, wrapped onto lines inside the drawing.
      const chartTitles = page.getByTestId("chart-title");
      expect(await chartTitles.count()).toBeGreaterThan(0);
      for (const box of await chartTitles.all()) {
        const fit = await box.evaluate((el) => {
          const svg = (el as SVGTextElement).ownerSVGElement!;
          const bbox = (el as SVGTextElement).getBBox();
          return { right: bbox.x + bbox.width, width: svg.viewBox.baseVal.width, lines: el.querySelectorAll("tspan").length, text: [...el.querySelectorAll("tspan")].map((t) => t.textContent).join(" "), title: svg.querySelector("title")!.textContent };
        });
        expect(fit.right).toBeLessThanOrEqual(fit.width);
        expect(fit.text).toBe(fit.title);
        expect(fit.text).not.toMatch(/…$/);
      }
      // The demo's ranking statement is longer than one line: it wraps rather than being cut.
      await expect(chartTitles.first().locator("tspan").count()).resolves.toBeGreaterThan(1);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("names the analysts on request, and downloads the same report as Word", async () => {
    await page.goto(`${appUrl}/projects/${demoProjectId}/findings`);
    await page.getByTestId("show-coders").click();
    await page.waitForURL(/showCoders=1/);
    await expect(page.getByTestId("methods").innerText()).resolves.toMatch(/Ana Analyst \(A\) coded 32 interviews/);
    await expect(page.getByTestId("evidence-source").first().innerText()).resolves.toMatch(/coded by (Ana|Ben) Analyst/);
    await page.getByTestId("show-coders").click();
    await page.waitForURL((url) => !url.search.includes("showCoders"));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Word (.docx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/findings\.docx$/);
    const xml = new TextDecoder().decode(unzipSync(await bytes(await download.createReadStream()))["word/document.xml"]);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    expect(text).toContain("Why TensorFlow projects run on AWS");
    expect(text).toContain("Methods");
    expect(text).toMatch(/Analyst 1 coded 32 interviews/);
    expect(text).toContain("TensorFlow-only projects on AWS ÷ TensorFlow-only projects");
    expect(text).not.toMatch(/https?:\/\/|Ana Analyst|Ben Analyst/);
  });

  it("an owner gives an attribute a display name on the case sheet", async () => {
    await page.goto(`${appUrl}/projects`);
    await new ProjectsPage(page).createProject("Display name study");
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(demoProjectId));
    await page.getByRole("link", { name: "Cases and attributes" }).click();
    const add = page.getByRole("form", { name: "Add an attribute" });
    await add.getByLabel("New attribute").fill("org_size");
    await add.getByLabel("Type").selectOption("number");
    await add.getByRole("button", { name: "Add attribute" }).click();
    await page.getByText("Added the attribute “org_size” (number).").waitFor();
    // The sheet draws its columns once there is a case to describe.
    const addCase = page.getByRole("form", { name: "Add a case" });
    await addCase.getByLabel("New case").fill("Acme");
    await addCase.getByRole("button", { name: "Add case" }).click();
    await page.getByText("Added the case “Acme”.").waitFor();
    await page.getByText("Edit attribute org_size").click();
    const form = page.getByRole("form", { name: "Display name of org_size" });
    await form.getByLabel(/Display name/).fill("Organisation size");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByText("Reports now label “org_size” as “Organisation size”.").waitFor();
    await expect(page.getByTestId("display-name").innerText()).resolves.toBe("In reports: Organisation size");
  });
});
