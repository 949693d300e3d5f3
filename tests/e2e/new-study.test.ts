import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";
import { TranscriptPage } from "./pages/transcript-page";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KIM = "R1: How are the nights?\n\nKim: Long. By four I am so tired I read the chart twice.\n\nR1: And the ward?\n\nKim: The ward is quiet, which is worse.\n";
const LEE = "R1: How are the days?\n\nLee: Busy, but I sleep at night, so I am never tired on the ward.\n";

async function addCode(page: Page, fields: Record<string, string>) {
  const form = page.getByTestId("code-editor").filter({ has: page.getByRole("button", { name: "Add code" }) });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: "Add code" }).click();
  await page.getByTestId("codebook-announce").filter({ hasText: `Added “${fields.Name}”.` }).waitFor();
  await page.getByTestId(`tree-${fields.Name}`).waitFor();
}

/** A case the import made from the interviewee's name, holding their interview: its Shift set. */
async function setShift(page: Page, name: string, shift: string) {
  const row = page.locator("tr", { has: page.getByLabel(`Name of case ${name}`) });
  await expect(row.getByRole("link", { name }).count()).resolves.toBe(1);
  // Choosing saves at once through a server action: wait for its answer, so a reload that follows cannot cut the save short.
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await page.getByLabel(`Shift of ${name}`).selectOption(shift);
  await saved;
}

describe("a study from the first click", () => {
  it("an owner creates a project, builds a codebook with definitions, imports two transcripts and sets up cases; an invited analyst codes and writes a memo; the summaries show it", async () => {
    const owner = await signedInPage(browser, appUrl, "owner@demo.grounded.test", { viewport: { width: 1400, height: 1000 } });
    await owner.goto(`${appUrl}/projects`);
    await new ProjectsPage(owner).createProject("Night shifts", { description: "Two nurses, nights and days." });
    await owner.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(demoProjectId));
    const projectUrl = owner.url();

    // The codebook, with every field of the first code.
    // (Loaded in full rather than followed: the form must be live before it is typed into.)
    await expect(owner.getByRole("link", { name: "Codebook", exact: true }).getAttribute("href")).resolves.toMatch(/\/codebook$/);
    await owner.goto(`${projectUrl}/codebook`);
    await addCode(owner, { Name: "Fatigue", "Shortcut key": "f", Definition: "Being worn out by the work", "Include when": "Tiredness, sleep", "Exclude when": "Boredom", Example: "I read the chart twice" });
    await owner.getByRole("button", { name: "Add a code at the top level" }).click();
    await addCode(owner, { Name: "Quiet ward", Definition: "Few patients awake, little to do" });

    // Two transcripts.
    await owner.goto(projectUrl);
    await owner.getByRole("link", { name: "Import transcripts" }).click();
    await owner.waitForURL(/\/import$/);
    await owner.getByLabel("Choose transcript files").setInputFiles([
      { name: "Kim.txt", mimeType: "text/plain", buffer: Buffer.from(KIM) },
      { name: "Lee.txt", mimeType: "text/plain", buffer: Buffer.from(LEE) },
    ]);
    await owner.getByTestId("import-file").nth(1).waitFor();
    await owner.getByRole("button", { name: "Import 2 files" }).click();
    await owner.getByRole("list", { name: "Imported documents" }).waitFor();

    // The import made a case per interviewee, holding their interview; each gets an attribute value.
    await owner.goto(`${projectUrl}/cases`);
    const attribute = owner.getByRole("form", { name: "Add an attribute" });
    await attribute.getByLabel("New attribute").fill("Shift");
    await attribute.getByLabel("Type").selectOption("category");
    await attribute.getByLabel("Categories, one per line").fill("Day\nNight");
    await attribute.getByRole("button", { name: "Add attribute" }).click();
    await owner.getByText("Added the attribute “Shift” (category).").waitFor();
    await setShift(owner, "Kim", "Night");
    await setShift(owner, "Lee", "Day");
    await owner.reload();
    await expect(owner.getByLabel("Shift of Kim").inputValue()).resolves.toBe("Night");
    await expect(owner.getByRole("heading", { name: "Documents without a case (0)" }).count()).resolves.toBe(1);

    // An analyst invited by address.
    await owner.goto(projectUrl);
    const invite = owner.getByRole("form", { name: "Invite a member" });
    await invite.getByLabel("E-mail address").fill("analyst-b@demo.grounded.test");
    await invite.getByLabel("Role").selectOption("analyst");
    await invite.getByRole("button", { name: "Invite" }).click();
    await invite.getByRole("status").waitFor();
    await owner.context().close();

    // The analyst finds the project on signing in, codes a passage with the shortcut key, and writes a memo.
    const analyst = await signedInPage(browser, appUrl, "analyst-b@demo.grounded.test", { viewport: { width: 1400, height: 1000 } });
    await analyst.goto(`${appUrl}/projects`);
    await new ProjectsPage(analyst).open("Night shifts");
    await analyst.getByRole("link", { name: /^Kim/ }).first().click();
    const transcript = new TranscriptPage(analyst);
    await transcript.waitUntilReady();
    await transcript.selectWithMouse("so tired I read the chart twice");
    await transcript.picker().waitFor();
    await analyst.keyboard.press("f");
    await expect.poll(async () => (await transcript.counts("Fatigue"))[1]).toBe(1);
    await analyst.getByText("Write a memo").click();
    const memo = analyst.getByRole("form", { name: "New memo on this document" });
    await memo.getByLabel(/^Title/).fill("Nights wear Kim down");
    await memo.getByLabel(/^Memo/).fill("Fatigue shows by **four**.");
    await memo.getByRole("button", { name: "Add memo" }).click();
    await analyst.getByRole("article").filter({ hasText: "Nights wear Kim down" }).waitFor();

    // The summaries count the coding: one of the two interviews.
    await analyst.goto(`${projectUrl}/summaries`);
    const row = analyst.getByTestId("summaries-table").getByRole("row", { name: /Fatigue/ });
    await expect(row.getByRole("link", { name: /of 2/ }).innerText()).resolves.toMatch(/^1 of 2/);
    // By Shift: Kim's night shift has it, Lee's day shift does not.
    const crosstab = analyst.getByTestId("crosstab");
    await expect(crosstab.locator("thead th").allInnerTexts()).resolves.toEqual(["Theme", "Day (1)", "Night (1)"]);
    const fatigue = crosstab.getByRole("row", { name: /Fatigue/ }).locator("td a");
    await expect(fatigue.allInnerTexts()).resolves.toEqual(["0", "1"]);

    // And the memos page lists the analyst's memo.
    await analyst.goto(`${projectUrl}/memos`);
    await expect(analyst.getByTestId("memo").filter({ hasText: "Nights wear Kim down" }).count()).resolves.toBe(1);
    await analyst.context().close();
  });
});
