import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { until } from "./pages/wait";
import { ProjectsPage } from "./pages/projects-page";
import { ANALYST, PASSWORD } from "./setup/fixtures";

const appUrl = inject("appUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// "cost" three times in Kim's interview (two in one sentence), once in Lee's.
const KIM = "Interviewer: What mattered?\n\nKim: The cost. Cost and costs again, mostly. We hired.\n";
const LEE = "Interviewer: And you?\n\nLee: Cost was fine. Speed mattered more.\n";

describe("from a search to codings", () => {
  it("an analyst saves a search, codes its matches' sentences, codes one ticked match, and undoes a run", async () => {
    const page = await signedInPage(browser, appUrl, ANALYST.email, { viewport: { width: 1300, height: 1000 }, password: PASSWORD });
    await new ProjectsPage(page).createProject("Search and code study");
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname));
    const projectUrl = page.url();
    await page.getByRole("link", { name: "Import transcripts" }).click();
    await page.getByLabel("Choose transcript files").setInputFiles([
      { name: "Kim.txt", mimeType: "text/plain", buffer: Buffer.from(KIM) },
      { name: "Lee.txt", mimeType: "text/plain", buffer: Buffer.from(LEE) },
    ]);
    await page.getByRole("button", { name: "Import 2 files" }).click();
    await page.getByRole("list", { name: "Imported documents" }).waitFor();

    await page.goto(`${projectUrl}/search?q=cost`);
    await expect(page.getByTestId("search-summary").innerText()).resolves.toBe("4 matches in 2 interviews");

    // Saved, it is listed with its count.
    await page.getByRole("form", { name: "Save this search" }).getByRole("button", { name: "Save search" }).click();
    const saved = page.getByRole("region", { name: "Saved searches" });
    await saved.getByText("4 matches in 2 interviews").waitFor();
    await expect(saved.getByRole("link", { name: "cost", exact: true }).getAttribute("href")).resolves.toContain("q=cost");

    // All matches, each widened to its sentence: Kim's second sentence holds two, so three passages.
    const panel = page.getByTestId("search-autocode");
    await panel.locator("summary").click();
    await panel.getByRole("button", { name: "New code…" }).click();
    await panel.getByLabel("Name of the new code").fill("Cost talk");
    await panel.getByRole("button", { name: "Create code" }).click();
    await until(async () => (await panel.getByRole("combobox", { name: "Code to apply" }).inputValue()) === "Cost talk", "the new code to be chosen");
    await panel.getByLabel("Code for each match").selectOption({ label: "Its sentence" });
    await panel.getByRole("button", { name: "Preview" }).click();
    const preview = panel.getByTestId("autocode-preview");
    await preview.waitFor();
    await expect(preview.getByRole("status").innerText()).resolves.toBe("3 new codings with “Cost talk” in 2 interviews.");
    await expect(preview.innerText()).resolves.toContain("Cost and costs again, mostly.");
    await preview.getByRole("button", { name: "Apply: code 3 passages" }).click();
    const result = panel.getByTestId("autocode-result");
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain("Coded 3 passages with “Cost talk” in 2 interviews.");

    // The coded filter now sees them: no match is left off a "Cost talk" coding.
    await page.reload();
    const form = page.getByRole("search", { name: "Search the transcripts" });
    await form.getByRole("combobox", { name: /^Hits/ }).selectOption({ label: "Not coded with" });
    await form.getByRole("combobox", { name: /^Code \(and/ }).selectOption({ label: "Cost talk" });
    await form.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.searchParams.get("coded") === "no");
    await page.getByRole("main").getByText(/^No matches\./).waitFor();

    // Undo the run: the codings go.
    await page.goto(`${projectUrl}/autocode`);
    const runs = page.getByTestId("autocode-runs");
    await runs.getByText("3 of 3 codings still present").waitFor();
    page.once("dialog", (d) => void d.accept());
    await runs.getByRole("button", { name: /^Undo/ }).first().click();
    await page.getByText("Undone: 3 codings deleted.").waitFor();
    await runs.getByText(/ · undone$/).waitFor();

    // One ticked match, just the match itself.
    await page.goto(`${projectUrl}/search?q=cost`);
    await page.getByRole("checkbox", { name: /Tick for coding: Cost in Lee/ }).check();
    await panel.locator("summary").click();
    await panel.getByRole("combobox", { name: "Code to apply" }).fill("Cost talk");
    await panel.getByRole("option", { name: /Cost talk/ }).first().click();
    await until(async () => (await panel.getByRole("combobox", { name: "Code to apply" }).inputValue()) === "Cost talk", "the code to be chosen");
    await panel.getByLabel("Code for each match").selectOption({ label: "Just the match" });
    await panel.getByLabel("Only the ones I tick below").check();
    await panel.getByRole("button", { name: "Preview" }).click();
    await expect(preview.getByRole("status").innerText()).resolves.toBe("1 new coding with “Cost talk” in 1 interview.");
    await expect(preview.getByRole("listitem").innerText()).resolves.toContain("Lee");
    await preview.getByRole("button", { name: "Apply: code 1 passage" }).click();
    await result.waitFor();
    await result.getByRole("button", { name: "Undo this run" }).click();
    await panel.getByText("Undone: 1 coding deleted.").waitFor();
  });
});
