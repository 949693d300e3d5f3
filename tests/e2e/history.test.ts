import type { Browser } from "playwright-core";
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

const PHRASE = "hundred thousand dollars";

describe("the project history", () => {
  it("an analyst deletes a coding, finds the deletion in the history, restores it, and sees it back in the transcript", async () => {
    const page = await signedInPage(browser, appUrl, "analyst-a@demo.grounded.test");
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    await page.getByRole("link", { name: /^P14 —/ }).click();
    const transcript = new TranscriptPage(page);
    await transcript.waitUntilReady();
    const [doc0, project0] = await transcript.counts("Cost versus value");

    await transcript.selectWithMouse(PHRASE);
    await transcript.pickCode("Cost versus value");
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0 + 1, "the saved coding");
    await page.waitForLoadState("networkidle");

    // The coding's own history, in its details.
    const openMine = async () => {
      await transcript.highlightsContaining(PHRASE).first().click();
      const details = page.getByTestId("coding-details");
      await details.waitFor();
      return details.getByTestId("coding-item").filter({ hasText: "Ana Analyst" }).filter({ hasText: "Cost versus value" });
    };
    const mine = await openMine();
    await mine.getByText("History", { exact: true }).click();
    await mine.getByTestId("coding-history").getByText(/coded a passage/).waitFor();
    await mine.getByRole("button", { name: "Delete coding" }).click();
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0, "the deletion");

    // From the project page to its history, filtered to codings.
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    await page.getByRole("link", { name: "History: who changed what" }).click();
    await page.getByRole("heading", { level: 1, name: "History" }).waitFor();
    const filters = page.getByRole("form", { name: "Filter the history" });
    await filters.getByLabel("Kind of change").selectOption("codings");
    await filters.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("kind") === "codings");
    const deletion = page.locator("[data-testid=history-entry][data-action='coding.delete']").first();
    await expect(page.getByTestId("history-entry").first().getAttribute("data-action")).resolves.toBe("coding.delete");
    const said = await deletion.innerText();
    expect(said).toContain("Ana Analyst (A) deleted a coding Cost versus value");
    expect(said).toContain(`“${PHRASE}”`);

    await deletion.getByRole("button", { name: "Restore this coding" }).click();
    await page.getByTestId("history-entry").first().filter({ hasText: "restored a coding" }).waitFor();
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    await page.getByRole("link", { name: /^P14 —/ }).click();
    await transcript.waitUntilReady();
    expect(await transcript.counts("Cost versus value")).toEqual([doc0 + 1, project0 + 1]);
    await expect(transcript.highlightsContaining(PHRASE).count()).resolves.toBeGreaterThan(0);

    // The history lists the restore first, and the deletion no longer offers one.
    await page.goto(`${appUrl}/projects/${demoProjectId}/history?kind=codings`);
    await expect(page.getByTestId("history-entry").first().innerText()).resolves.toContain("Ana Analyst (A) restored a coding Cost versus value");
    await expect(page.locator("[data-action='coding.delete']").first().getByRole("button", { name: "Restore this coding" }).count()).resolves.toBe(0);
    await page.goBack();
    await transcript.waitUntilReady();

    // Its history now tells all three; then it is deleted again, leaving the demo as it was.
    const back = await openMine();
    await back.getByText("History", { exact: true }).click();
    const history = back.getByTestId("coding-history");
    await history.getByText(/restored a coding/).waitFor();
    expect(await history.innerText()).toMatch(/coded a passage[\s\S]*deleted a coding[\s\S]*restored a coding/);
    await back.getByRole("button", { name: "Delete coding" }).click();
    await until(async () => (await transcript.counts("Cost versus value"))[1] === project0, "the final deletion");
    await page.context().close();
  });
});
