import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { AgreementPage, AssignmentsPage, DisagreementsPage, QueuePage } from "./pages/rigour-pages";

const appUrl = inject("appUrl");
const demoProjectId = inject("demoProjectId");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ANA = "Ana Analyst (A)";
const BEN = "Ben Analyst (B)";
// P01, not P14: the coding test changes Ana's codings in P14.
const INTERVIEW = "P01";

const signedIn = (email: string): Promise<Page> => signedInPage(browser, appUrl, email);

describe("double coding, agreement and adjudication", () => {
  it("an owner assigns an interview to A and B, both mark it done, the owner reads agreement, accepts A on a disagreement, sees it in the consensus summaries, and undoes it", async () => {
    // The owner assigns P01 to both analysts.
    const owner = await signedIn("owner@demo.grounded.test");
    const assignments = new AssignmentsPage(owner);
    await assignments.open(appUrl, demoProjectId);
    expect(await assignments.assign(INTERVIEW, [ANA, BEN])).toMatch(/^Assigned 2 /);
    await owner.reload();
    expect(await assignments.cell(INTERVIEW, ANA)).toMatch(/^Assigned/);
    expect(await assignments.cell(INTERVIEW, BEN)).toMatch(/^Assigned/);

    // Each analyst finds it in their queue and marks it done.
    for (const email of ["analyst-a@demo.grounded.test", "analyst-b@demo.grounded.test"]) {
      const page = await signedIn(email);
      const queue = new QueuePage(page);
      await queue.open(appUrl, demoProjectId);
      await expect(queue.item(INTERVIEW).getByRole("link").getAttribute("href")).resolves.toMatch(new RegExp(`^/projects/${demoProjectId}/documents/`));
      await queue.markDone(INTERVIEW);
      await page.reload();
      await expect(queue.item(INTERVIEW).innerText()).resolves.toMatch(/done/);
      await page.context().close();
    }
    await assignments.open(appUrl, demoProjectId);
    expect(await assignments.cell(INTERVIEW, ANA)).toMatch(/^Done/);

    // Agreement over the interviews both marked done: a figure, never NaN, and a methods paragraph.
    const agreement = new AgreementPage(owner);
    await agreement.open(appUrl, demoProjectId);
    expect(await agreement.summary()).toMatch(new RegExp(`Comparing .*${escape(ANA)}.*${escape(BEN)}|Comparing .*${escape(BEN)}.*${escape(ANA)}`));
    expect(await agreement.overallAlpha()).toMatch(/^-?\d\.\d{3}$/);
    expect(await owner.locator("main").innerText()).not.toMatch(/NaN/);
    expect(await agreement.methods()).toMatch(/Krippendorff's alpha \(nominal, segment level: speaker turns\) was -?\d\.\d\d overall/);

    // Disagreements: accept A on the first one, see it decided, undo it.
    await owner.getByRole("link", { name: "See the disagreements" }).click();
    const disagreements = new DisagreementsPage(owner);
    await disagreements.cards().first().waitFor();
    const heading = (await disagreements.cards().first().getByRole("heading").innerText()).trim();
    expect(heading).toContain(INTERVIEW);
    const card = disagreements.card(heading);
    await expect(card.getByTestId("pane-a").innerText()).resolves.toBeTruthy();
    await disagreements.decide(card, "Accept A", "A's passage is the complete statement.");
    await expect(card.getByTestId("decision").innerText()).resolves.toMatch(/Decided: accept A by Olivia Owner/);
    await expect(disagreements.decisionLog().first().innerText()).resolves.toMatch(/accept A/);

    // The decision is the consensus layer's only content: a summaries selection that counts it.
    const code = heading.split(" · ")[0].trim();
    const back = owner.url();
    await owner.goto(`${appUrl}/projects/${demoProjectId}/summaries?coders=consensus`);
    await expect(owner.getByTestId("selection-label").first().innerText()).resolves.toMatch(/Consensus coding \(adjudicated\)/);
    await owner.getByTestId("summaries-table").getByRole("link", { name: code, exact: true }).click();
    const passages = owner.getByTestId("selection-label").filter({ hasText: "passages" });
    await expect(passages.innerText()).resolves.toMatch(/^1 of 1 passages\. Whose coding counts: Consensus coding/);
    await expect(owner.getByTestId("quote-list").innerText()).resolves.toContain(INTERVIEW);
    await owner.goto(back);
    await disagreements.cards().first().waitFor();

    await disagreements.undo(card);
    expect(await card.getByTestId("decision").count()).toBe(0);
    await owner.reload();
    await disagreements.card(heading).getByRole("button", { name: /^Accept A:/ }).waitFor();
    await expect(disagreements.decisionLog().first().innerText()).resolves.toMatch(/undone by Olivia Owner/);
    await owner.context().close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
