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

// Three interviewer turns in one interview, two in the other: five codings expected.
const FIRST = "Interviewer: How did it start?\n\nKim: With a grant. 🙂\n\nInterviewer: And then?\n\nKim: We hired.\n\nInterviewer: Thanks.\n";
const SECOND = "Interviewer: What do you run on?\n\nLee: Rented GPUs.\n\nInterviewer: Why?\n\nLee: Cost.\n";

describe("auto-coding in the browser", () => {
  it("an analyst codes every interviewer turn into a new code 'Interviewer', sees the count, and undoes the run", async () => {
    const page = await signedInPage(browser, appUrl, ANALYST.email, { viewport: { width: 1300, height: 1000 }, password: PASSWORD });
    // The forms are client components: none may pull in zod, whose eval probe the CSP refuses.
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    await new ProjectsPage(page).createProject("Auto-coding study");
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname));
    const projectUrl = page.url();

    await page.getByRole("link", { name: "Import transcripts" }).click();
    await page.getByLabel("Choose transcript files").setInputFiles([
      { name: "Kim.txt", mimeType: "text/plain", buffer: Buffer.from(FIRST) },
      { name: "Lee.txt", mimeType: "text/plain", buffer: Buffer.from(SECOND) },
    ]);
    await page.getByRole("button", { name: "Import 2 files" }).click();
    await page.getByRole("list", { name: "Imported documents" }).waitFor();

    await page.goto(projectUrl);
    await page.getByRole("navigation", { name: "Project tools" }).getByRole("link", { name: "Auto-coding" }).click();
    await page.getByRole("heading", { level: 1, name: "Auto-coding" }).waitFor();
    const form = page.getByRole("region", { name: "Code by speaker" });
    await form.getByRole("button", { name: "New code…" }).click();
    await form.getByLabel("Name of the new code").fill("Interviewer");
    await form.getByRole("button", { name: "Create code" }).click();
    const chooser = form.getByRole("combobox", { name: "Code to apply" });
    await until(async () => (await chooser.inputValue()) === "Interviewer", "the new code to be chosen");
    await form.getByLabel("Turns to code").selectOption({ label: "Every interviewer turn" });
    await form.getByRole("button", { name: "Preview" }).click();

    const preview = form.getByTestId("autocode-preview");
    await preview.waitFor();
    await expect(preview.getByRole("status").innerText()).resolves.toBe("5 new codings with “Interviewer” in 2 interviews.");
    await expect(preview.getByRole("listitem").count()).resolves.toBe(5);
    await expect(preview.innerText()).resolves.toContain("How did it start?");
    await expect(preview.innerText()).resolves.not.toContain("With a grant");

    await preview.getByRole("button", { name: "Apply: code 5 passages" }).click();
    const result = form.getByTestId("autocode-result");
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain("Coded 5 passages with “Interviewer” in 2 interviews.");
    const runs = page.getByTestId("autocode-runs");
    await runs.getByText("5 of 5 codings still present").waitFor();

    // A second preview finds them all coded already.
    await form.getByRole("button", { name: "Preview" }).click();
    await expect(preview.getByRole("status").innerText()).resolves.toBe("All 5 passages are already coded with “Interviewer” by you: nothing new to code.");
    await preview.getByRole("button", { name: "Close" }).click();

    page.once("dialog", (dialog) => void dialog.accept());
    await runs.getByRole("button", { name: /^Undo the run of “Interviewer”/ }).click();
    await page.getByText("Undone: 5 codings deleted.").waitFor();
    await runs.getByText(/Ana E2E, .* · undone$/).waitFor();
    await expect(runs.getByRole("button", { name: /^Undo/ }).count()).resolves.toBe(0);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
