import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("memos", () => {
  it("an owner writes a memo on a transcript and a journal memo in Markdown, and finds both on the memos page, rendered safely", async () => {
    const page = await signedInPage(browser, appUrl, "owner@demo.grounded.test", { viewport: { width: 1400, height: 1000 } });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The memo forms and rendered Markdown work under the pages' CSP (as in web-hardening.test.ts).
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${appUrl}/projects`);
    await new ProjectsPage(page).createProject("Memo study");
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(demoProjectId));
    const projectUrl = page.url();

    await page.getByRole("link", { name: "Import transcripts" }).click();
    await page.getByLabel("Choose transcript files").setInputFiles([{ name: "Kim.txt", mimeType: "text/plain", buffer: Buffer.from("R1: How are nights?\n\nKim: Long, and the ward is quiet.\n") }]);
    await page.getByTestId("import-file").first().waitFor();
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await page.getByRole("list", { name: "Imported documents" }).waitFor();

    // On the transcript: a memo about this document.
    await page.goto(projectUrl);
    await page.getByRole("link", { name: /Kim/ }).first().click();
    await page.getByRole("heading", { name: /^Memos on this document/ }).waitFor();
    await page.getByText("Write a memo").click();
    const documentForm = page.getByRole("form", { name: "New memo on this document" });
    await documentForm.getByLabel(/^Title/).fill("Night shift tone");
    await documentForm.getByLabel(/^Memo/).fill("Kim sounds *tired* here.");
    await documentForm.getByRole("button", { name: "Add memo" }).click();
    await page.getByRole("article").filter({ hasText: "Night shift tone" }).locator("em", { hasText: "tired" }).waitFor();

    // The memos page, from the project page: a journal memo with Markdown and hostile bits.
    await page.goto(projectUrl);
    await page.getByRole("link", { name: "Memos and journal" }).click();
    await page.getByRole("heading", { level: 1, name: "Memos" }).waitFor();
    const journal = page.getByRole("form", { name: "New journal memo" });
    await journal.getByLabel(/^Title/).fill("Week one");
    await journal.getByLabel(/^Memo/).fill("Coded **two** interviews.\n\n- nights\n- quiet\n\n<script>alert('x')</script>\n\n[sneaky](javascript:alert(1)) and [the plan](https://example.org/plan)");
    await journal.getByRole("button", { name: "Add memo" }).click();
    const weekOne = page.getByRole("article").filter({ hasText: "Week one" });
    await weekOne.locator("strong", { hasText: "two" }).waitFor();

    await expect(weekOne.locator("li").allInnerTexts()).resolves.toEqual(["nights", "quiet"]);
    await expect(weekOne.locator("script").count()).resolves.toBe(0);
    await expect(weekOne.locator("a[href^='javascript']").count()).resolves.toBe(0);
    await expect(weekOne.getByRole("link", { name: "the plan" }).getAttribute("href")).resolves.toBe("https://example.org/plan");
    await expect(weekOne.getByText("Project journal").count()).resolves.toBe(1);

    // Both memos listed, newest first, each saying what it is about.
    const memos = page.getByTestId("memo");
    await expect(memos.locator("h3").allInnerTexts()).resolves.toEqual(["Week one", "Night shift tone"]);
    await expect(memos.nth(1).getByRole("link", { name: /Kim/ }).count()).resolves.toBe(1);

    // Search and filter by kind.
    await page.getByLabel("Title or text contains").fill("TIRED");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/q=TIRED/);
    await expect(page.getByTestId("memo").locator("h3").allInnerTexts()).resolves.toEqual(["Night shift tone"]);
    await page.goto(`${projectUrl}/memos?kind=journal`);
    await expect(page.getByTestId("memo").locator("h3").allInnerTexts()).resolves.toEqual(["Week one"]);

    // The author edits their memo in place.
    await page.getByTestId("memo").getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: "Edit memo Week one" });
    await edit.getByLabel(/^Memo/).fill("Coded **three** interviews.");
    await edit.getByRole("button", { name: "Save memo" }).click();
    await page.getByTestId("memo").locator("strong", { hasText: "three" }).waitFor();

    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
