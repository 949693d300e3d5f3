import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { TranscriptPage } from "./pages/transcript-page";
import { OUTSIDER, PASSWORD } from "./setup/fixtures";

const appUrl = inject("appUrl");
// Otto owns "Secret study" (one interview, no codes): the demo study stays as other tests expect it.
const secret = inject("fixtures").secret;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const announced = (page: Page, text: string | RegExp) => page.getByTestId("codebook-announce").filter({ hasText: text }).waitFor();
const treeOrder = (page: Page) => page.getByRole("list", { name: "Codebook" }).locator("li button[id^=code-row-]").allInnerTexts();

async function addCode(page: Page, fields: Record<string, string>) {
  const form = page.getByTestId("code-editor").filter({ has: page.getByRole("button", { name: "Add code" }) });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: "Add code" }).click();
  await announced(page, `Added “${fields.Name}”.`);
  await page.getByTestId(`tree-${fields.Name}`).waitFor();
}

describe("the codebook page", () => {
  it("an owner adds a code with every field, edits its definition, moves it by keyboard, splits a code and reads the history", async () => {
    const page = await signedInPage(browser, appUrl, OUTSIDER.email, { password: PASSWORD });
    const codebook = `${appUrl}/projects/${secret.projectId}/codebook`;
    // The page's forms work under the Content Security Policy (no zod in the browser: it probes for eval).
    const violations: string[] = [];
    page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await page.context().addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`)));

    await page.goto(codebook);
    await addCode(page, { Name: "Trust", "Shortcut key": "t", Definition: "Believing the other side", "Include when": "Reliance", "Exclude when": "Hope", Example: "I knew they'd deliver" });
    await page.getByRole("button", { name: "Add a code at the top level" }).click();
    await addCode(page, { Name: "Motives", Definition: "Why they came" });
    expect(await treeOrder(page)).toEqual(["Trust", "Motives"]);

    // A duplicate name is refused with the place named.
    await page.getByRole("button", { name: "Add a code at the top level" }).click();
    const form = page.getByTestId("code-editor").filter({ has: page.getByRole("button", { name: "Add code" }) });
    await form.getByLabel("Name", { exact: true }).fill("trust");
    await form.getByRole("button", { name: "Add code" }).click();
    await expect(form.getByRole("alert").innerText()).resolves.toContain('There is already a code called "trust" at the top level');

    // Edit the definition.
    await page.getByRole("button", { name: "Trust", exact: true }).click();
    const editor = page.getByTestId("code-editor").filter({ has: page.getByRole("button", { name: "Save changes" }) });
    // The definition texts are read when the code opens.
    await expect.poll(() => editor.getByLabel("Include when", { exact: true }).inputValue()).toBe("Reliance");
    await editor.getByLabel("Definition", { exact: true }).fill("Relying on the other side to act well");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await announced(page, "Saved “Trust”.");

    // Keyboard: Motives up, then Trust in under Motives, then out again.
    await page.getByRole("button", { name: "Motives", exact: true }).focus();
    await page.keyboard.press("Alt+ArrowUp");
    await announced(page, "Moved “Motives” up: now place 1 at the top level.");
    await page.waitForFunction(() => document.querySelector("[aria-label=Codebook] li button[id^=code-row-]")?.textContent === "Motives");
    await page.getByRole("button", { name: "Trust", exact: true }).focus();
    await page.keyboard.press("Alt+ArrowRight");
    await announced(page, "Moved “Trust” in: now place 1 under “Motives”.");
    await page.waitForFunction(() => (document.querySelector("[data-testid=tree-Trust]") as HTMLElement | null)?.style.paddingLeft === "1.25rem" && document.activeElement?.textContent === "Trust");
    await page.keyboard.press("Alt+ArrowLeft");
    await announced(page, "Moved “Trust” out: now place 2 at the top level.");

    // Two passages coded with Trust, then one split off into a new code.
    await page.goto(`${appUrl}/projects/${secret.projectId}/documents/${secret.documentId}`);
    const transcript = new TranscriptPage(page);
    await transcript.waitUntilReady();
    for (const phrase of ["What brought you here", "Curiosity about Secret"]) {
      await transcript.selectWithMouse(phrase);
      await transcript.picker().waitFor();
      // The picker lists recent codes first as well: the first "Trust" will do.
      await transcript.picker().getByRole("option", { name: /^Trust/ }).first().click();
      await transcript.highlightsContaining(phrase.split(" ")[0]).first().waitFor();
    }
    // Both saved: the project count in the codebook panel comes from the server.
    await expect.poll(async () => (await transcript.counts("Trust"))[1]).toBe(2);
    await page.goto(codebook);
    await page.getByRole("button", { name: "Trust", exact: true }).click();
    await page.getByRole("button", { name: "Split “Trust”…" }).click();
    const split = page.getByTestId("code-split");
    await split.getByRole("checkbox").first().waitFor();
    expect(await split.getByRole("checkbox").count()).toBe(2);
    await split.getByRole("checkbox").nth(1).check();
    await split.getByLabel("Name of the new code").fill("Curiosity");
    await split.getByRole("button", { name: "Move 1 coding to the new code" }).click();
    await announced(page, "Split: 1 codings moved from “Trust” to the new code “Curiosity”.");
    await page.waitForFunction(() => [...document.querySelectorAll("[aria-label=Codebook] li button[id^=code-row-]")].some((b) => b.textContent === "Curiosity"));
    expect(await treeOrder(page)).toEqual(["Motives", "Trust", "Curiosity"]);

    // The history, on the page and for the code, with the definition as it was and became.
    await page.reload();
    const history = page.locator("#history");
    const text = await history.innerText();
    expect(text).toMatch(/split “Trust” 1 codings moved to the new code "Curiosity"/);
    expect(text).toContain("edited the definition of “Trust”");
    expect(text).toContain("Believing the other side");
    expect(text).toContain("Relying on the other side to act well");
    expect(text).toMatch(/moved “Trust” from under "Motives" to the top level/);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("the coding panel links each code to its editor on the codebook page", async () => {
    const page = await signedInPage(browser, appUrl, OUTSIDER.email, { password: PASSWORD });
    await page.goto(`${appUrl}/projects/${secret.projectId}/documents/${secret.documentId}`);
    await new TranscriptPage(page).waitUntilReady();
    await page.getByTestId("code-Trust").getByLabel("Manage Trust").click();
    await page.getByRole("link", { name: "Edit every field…" }).click();
    await page.waitForURL(/\/codebook#code-/);
    await page.getByTestId("code-editor").filter({ has: page.getByRole("button", { name: "Save changes" }) }).waitFor();
    await expect(page.getByRole("heading", { name: "Edit “Trust”" }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it("in the coding panel, closing a definition does not move the codes under the pointer", async () => {
    // A short window, so the panel beside the transcript scrolls and is read at its end.
    const page = await signedInPage(browser, appUrl, OUTSIDER.email, { password: PASSWORD, viewport: { width: 1400, height: 420 } });
    await page.goto(`${appUrl}/projects/${secret.projectId}/documents/${secret.documentId}`);
    await new TranscriptPage(page).waitUntilReady();
    await page.getByLabel("Definition of Trust").click();
    await page.getByTestId("code-definition").filter({ hasText: "Relying on the other side" }).waitFor();
    const aside = page.locator("aside").first();
    // The transcript's correction panel sits below the codes; hidden, the panel ends with the
    // codes again, so reading it at its end puts the card's Close button in view.
    await page.getByTestId("correction-panel").evaluate((el) => ((el as HTMLElement).style.display = "none"));
    const scrolled = await aside.evaluate((el) => { el.scrollTop = el.scrollHeight; window.scrollTo(0, document.body.scrollHeight); return el.scrollTop + window.scrollY; });
    expect(scrolled).toBeGreaterThan(0); // read at its end, or this test could not see a shift
    const row = page.getByTestId("code-Motives");
    const before = (await row.boundingBox())!.y;
    // Clicked where it is (a locator's click would scroll it into view first, moving the rows itself).
    const close = (await page.getByLabel("Close the definition").boundingBox())!;
    expect(close.y).toBeGreaterThanOrEqual(0);
    await page.mouse.click(close.x + close.width / 2, close.y + close.height / 2);
    await page.getByTestId("code-definition").waitFor({ state: "detached" });
    expect((await row.boundingBox())!.y).toBe(before);
    // The next click lands on the row that was under the pointer.
    await page.getByLabel("Definition of Motives").click();
    await page.getByTestId("code-definition").filter({ hasText: "Why they came" }).waitFor();
    await page.context().close();
  });
});
