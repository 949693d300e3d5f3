import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { TranscriptPage } from "./pages/transcript-page";
import { until } from "./pages/wait";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openP14As(email: string): Promise<{ page: Page; transcript: TranscriptPage }> {
  const page = await signedInPage(browser, appUrl, email);
  await page.goto(`${appUrl}/projects/${demoProjectId}`);
  await page.getByRole("link", { name: /^P14 —/ }).click();
  const transcript = new TranscriptPage(page);
  await transcript.waitUntilReady();
  return { page, transcript };
}

describe("coding a transcript", () => {
  it("tags a mouse selection, keeps it over a reload, undoes, tags by keyboard shortcut and deletes", async () => {
    const { page, transcript } = await openP14As("analyst-a@demo.grounded.test");
    const [doc0, project0] = await transcript.counts("Cost versus value");

    // Mouse: a rough drag from inside "hundred" to inside "dollars" snaps to whole words.
    await transcript.selectWithMouse("hundred thousand dollars");
    await transcript.picker().waitFor();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("hundred thousand dollars");
    await transcript.pickCode("Cost versus value");
    // The document count moves at once (optimistic); the project count when the server agrees.
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0 + 1, "the saved coding");
    expect(await transcript.counts("Cost versus value")).toEqual([doc0 + 1, project0 + 1]);
    await expect(transcript.highlightsContaining("hundred thousand dollars").count()).resolves.toBeGreaterThan(0);

    await page.reload();
    await transcript.waitUntilReady();
    expect(await transcript.counts("Cost versus value")).toEqual([doc0 + 1, project0 + 1]);

    // Undo: tag another passage, then Ctrl+Z takes it away again, on the server too.
    await transcript.selectWithMouse("blog post costs a few hundred");
    await transcript.pickCode("Cost versus value");
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0 + 2, "the second coding");
    await transcript.undo();
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0 + 1, "the undo");
    await page.reload();
    await transcript.waitUntilReady();
    expect(await transcript.counts("Cost versus value")).toEqual([doc0 + 1, project0 + 1]);

    // Keyboard: put the caret before "Proving", select three words with Ctrl+Shift+Right, press q.
    const [productivity0] = await transcript.counts("Productivity");
    await transcript.selectWithMouse("Proving the recommendations");
    await transcript.picker().waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowLeft");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Shift+ArrowRight");
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("Proving the recommendations");
    await page.keyboard.press("q");
    await until(async () => (await transcript.counts("Productivity"))[0] === productivity0 + 1, "the keyboard coding");
    await page.waitForLoadState("networkidle");

    // Delete the mouse coding from its details.
    await transcript.highlightsContaining("hundred thousand dollars").first().click();
    const details = page.getByTestId("coding-details");
    await details.waitFor();
    const mine = details.getByTestId("coding-item").filter({ hasText: "Ana Analyst" }).filter({ hasText: "Cost versus value" });
    await mine.getByRole("button", { name: "Delete coding" }).click();
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0, "the deletion");
    await page.reload();
    await transcript.waitUntilReady();
    expect(await transcript.counts("Cost versus value")).toEqual([doc0, project0]);
    expect((await transcript.counts("Productivity"))[0]).toBe(productivity0 + 1);
    await page.context().close();
  });

  it("finds a code by its path with the keyboard alone, and reads a definition when it is opened", async () => {
    const { page, transcript } = await openP14As("analyst-a@demo.grounded.test");
    const [doc0, project0] = await transcript.counts("Cost versus value");
    await transcript.selectWithMouse("hundred thousand dollars");
    await transcript.picker().waitFor();
    await page.keyboard.press("/");
    await page.keyboard.type("why aws / co");
    const options = transcript.picker().getByRole("option");
    // Under "Why AWS", names containing "co": those starting so first ("Cost versus value", "Compute locality"), then "Peer community…".
    await until(async () => (await options.count()) === 3, "the path search");
    expect(await options.nth(0).innerText()).toContain("Cost versus value");
    expect(await options.nth(0).innerText()).toContain("in Why AWS");
    expect(await options.nth(1).innerText()).toContain("Compute locality");
    expect(await options.nth(2).innerText()).toContain("Peer community and resources");
    await page.keyboard.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0 + 1, "the keyboard coding");
    expect(await transcript.picker().count()).toBe(0);
    await transcript.undo();
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0, "the undo");
    expect(await transcript.counts("Cost versus value")).toEqual([doc0, project0]);

    // Escape closes the picker from its filter.
    await transcript.selectWithMouse("hundred thousand dollars");
    await transcript.picker().waitFor();
    await page.keyboard.press("/");
    await page.keyboard.press("Escape");
    await until(async () => (await transcript.picker().count()) === 0, "the picker to close");

    // Unfiltered, the codebook reads as a tree after the recent codes: walking down by keyboard
    // reaches "Cost versus value" in its place, indented under "Why AWS" rather than naming it.
    await transcript.selectWithMouse("hundred thousand dollars");
    await transcript.picker().waitFor();
    await page.keyboard.press("/");
    const active = transcript.picker().locator('[role="option"][aria-selected="true"]');
    for (let step = 0; step < 60; step++) {
      const text = await active.innerText();
      if (text.includes("Cost versus value") && !/recent/i.test(text)) break;
      await page.keyboard.press("ArrowDown");
    }
    expect(await active.innerText()).toContain("Cost versus value");
    expect(await active.innerText()).not.toContain("in Why AWS");
    expect(await active.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft))).toBeGreaterThan(20);
    await page.keyboard.press("Escape");
    await until(async () => (await transcript.picker().count()) === 0, "the picker to close");

    // The definition is not in the page until the code is opened.
    expect(await page.content()).not.toContain("pricing model or value for money");
    await page.getByRole("button", { name: "Definition of Cost versus value" }).click();
    await until(async () => (await page.getByTestId("code-definition").innerText()).includes("pricing model or value for money"), "the definition");
    await page.context().close();
  });

  it("finds text anywhere in the transcript with Ctrl+F, steps through the hits and selects each for coding", async () => {
    const { page, transcript } = await openP14As("analyst-a@demo.grounded.test");
    const text = await page.evaluate(async () => (await (await fetch(location.pathname.replace("/projects/", "/api/projects/"))).json()).document?.text ?? null);
    await page.keyboard.press("Control+f");
    const find = page.getByTestId("transcript-find");
    await find.getByLabel("Find").fill("aws");
    // The count is of the whole text, drawn or not: the same as a plain count.
    expect(typeof text).toBe("string");
    const expected = (String(text).match(/aws/gi) ?? []).length;
    const status = find.getByRole("status");
    await until(async () => /matches$/.test(await status.innerText()), "the count");
    const total = Number((await status.innerText()).match(/^(\d+)/)![1]);
    expect(total).toBeGreaterThan(1);
    expect(total).toBe(expected);

    await find.getByLabel("Find").press("Enter");
    await until(async () => (await status.innerText()) === `1 of ${total}`, "the first hit");
    await until(async () => (await page.evaluate(() => window.getSelection()?.toString() ?? "")).toLowerCase() === "aws", "the hit selected");
    await transcript.picker().waitFor();
    // Backwards from the first wraps to the last, however far down it is drawn.
    await find.getByLabel("Find").press("Shift+Enter");
    await until(async () => (await status.innerText()) === `${total} of ${total}`, "the last hit");
    await until(async () => (await page.evaluate(() => window.getSelection()?.toString() ?? "")).toLowerCase() === "aws", "the last hit selected");
    // Scrolled to (smoothly: waited for).
    await until(() => page.evaluate(() => {
      const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    }), "the last hit in view");
    await find.getByLabel("Find").press("Escape");
    await until(async () => (await find.count()) === 0, "the find bar to close");
    await page.context().close();
  });

  it("lets a viewer read and filter but not tag", async () => {
    const { page, transcript } = await openP14As("viewer@demo.grounded.test");
    const before = await transcript.counts("Cost versus value");
    await transcript.selectWithMouse("hundred thousand dollars");
    await page.keyboard.press("2");
    await new Promise((r) => setTimeout(r, 500));
    expect(await transcript.picker().count()).toBe(0);
    await expect(page.getByText("Read only").count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Undo" }).count()).resolves.toBe(0);
    await page.reload();
    await transcript.waitUntilReady();
    expect(await transcript.counts("Cost versus value")).toEqual(before);
    await page.context().close();
  });
});
