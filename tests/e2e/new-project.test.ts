import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PROJECT_NAME } from "../../lib/demo/project";
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

/** The project home's codebook as a reader sees it: the heading's count and each code's name. */
async function codebook(page: Page) {
  const heading = await page.getByRole("heading", { name: /^Codes \(/ }).innerText();
  const names = await page.getByRole("list", { name: "Codes" }).locator("li > span:nth-child(2)").allInnerTexts();
  return { heading, names };
}

describe("a new project", () => {
  it("the demo's owner creates a project with the demo's codebook and lands on it: the same codes, no documents", async () => {
    const page = await signedInPage(browser, appUrl, "owner@demo.grounded.test");
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    const demoCodebook = await codebook(page);
    expect(demoCodebook.names.length).toBeGreaterThan(0);

    await page.goto(`${appUrl}/projects`);
    await new ProjectsPage(page).createProject("Nurses' night shifts", { codebookOf: DEMO_PROJECT_NAME });
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(demoProjectId));

    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Nurses' night shifts");
    await expect(page.getByText("You are an owner").count()).resolves.toBe(1);
    expect(await codebook(page)).toEqual(demoCodebook);
    await expect(page.getByRole("heading", { name: "Documents (0)" }).count()).resolves.toBe(1);
    await expect(page.getByRole("list", { name: "Documents" }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("its only owner cannot demote or remove themselves: the page says why, and they stay the owner", async () => {
    const page = await signedInPage(browser, appUrl, "owner@demo.grounded.test");
    await page.goto(`${appUrl}/projects`);
    await new ProjectsPage(page).createProject("Solo study");
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(demoProjectId));
    const members = page.getByRole("list", { name: "Members" });
    const role = members.getByRole("combobox", { name: /^Role of / });
    await role.selectOption("analyst");
    await expect(members.getByRole("alert").innerText()).resolves.toBe("A project needs an owner: make another member an owner first.");
    await page.reload();
    page.once("dialog", (dialog) => void dialog.accept());
    await members.getByRole("button", { name: /^Remove/ }).click();
    await expect(members.getByRole("alert").innerText()).resolves.toBe("A project needs an owner: make another member an owner first.");
    await page.reload();
    await expect(page.getByRole("list", { name: "Members" }).getByRole("combobox", { name: /^Role of / }).inputValue()).resolves.toBe("owner");
    await expect(page.getByText("You are an owner").count()).resolves.toBe(1);

    // Renamed from its page: the heading and the projects list follow.
    await page.getByText("Edit name and description").click();
    const details = page.getByRole("form", { name: "Project details" });
    await details.getByLabel("Name").fill("Solo study, renamed");
    await details.getByLabel("Description").fill("One owner, nobody else.");
    await details.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { level: 1, name: "Solo study, renamed" }).waitFor();
    await page.goto(`${appUrl}/projects`);
    await expect(page.getByRole("list", { name: "Projects" }).innerText()).resolves.toContain("One owner, nobody else.");
    await page.context().close();
  });
});
