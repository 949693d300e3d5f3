import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PROJECT_NAME } from "../../lib/demo/project";
import { launchBrowser } from "./browser";
import { until } from "./pages/wait";
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

  it("starts from a .qdc codebook file, takes another project's codes by 'Copy codebook', and is archived, deleted and restored", async () => {
    const page = await signedInPage(browser, appUrl, "owner@demo.grounded.test");
    await page.goto(`${appUrl}/projects`);
    const qdc = path.join(import.meta.dirname, "..", "fixtures", "interop", "refi", "codebook.qdc");
    await new ProjectsPage(page).createProject("Codebook from a file", { codebookFile: qdc, description: "Started from a .qdc." });
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(demoProjectId));
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Codebook from a file");
    await expect(page.locator("main p", { hasText: "Started from a .qdc." }).count()).resolves.toBe(1);
    const fromFile = await codebook(page);
    expect(fromFile.heading).toBe("Codes (4)");
    expect(fromFile.names).toContain("Trust");
    const projectUrl = page.url();

    // The demo's codebook copied in from the demo's page: its codes join the four.
    await page.goto(`${appUrl}/projects/${demoProjectId}`);
    const demo = await codebook(page);
    await page.getByText("Copy codebook to another project").click();
    const copy = page.getByRole("form", { name: "Copy codebook" });
    await copy.getByLabel("Copy this project's codes into").selectOption({ label: "Codebook from a file" });
    await copy.getByRole("button", { name: "Copy codebook" }).click();
    await expect(copy.getByRole("status").innerText()).resolves.toMatch(/^Copied into Codebook from a file: \d+ codes added, 0 already there/);
    await page.goto(projectUrl);
    expect((await codebook(page)).heading).toBe(`Codes (${4 + Number(demo.heading.match(/\d+/)![0])})`);

    // Archived: read-only, said on the page and listed apart; unarchived again.
    await page.getByText("Archive or delete this project").click();
    await page.getByRole("button", { name: "Archive project" }).click();
    await page.getByRole("note").filter({ hasText: "This project is archived" }).waitFor();
    await expect(page.getByText("Edit name and description").count()).resolves.toBe(0);
    await page.goto(`${appUrl}/projects`);
    await expect(page.getByRole("list", { name: "Archived" }).innerText()).resolves.toContain("Codebook from a file");
    await page.goto(projectUrl);
    await page.getByText("Archive or delete this project").click();
    await page.getByRole("button", { name: "Unarchive project" }).click();
    await until(async () => (await page.getByRole("note").filter({ hasText: "This project is archived" }).count()) === 0, "the unarchive");

    // Deleted only with its name typed; gone at once, then restored from the projects page.
    await page.reload();
    await page.getByText("Archive or delete this project").click();
    const del = page.getByRole("form", { name: "Delete project" });
    await del.getByLabel(/^Type .* to confirm$/).fill("Codebook from a fil");
    await expect(del.getByRole("button", { name: "Delete project" }).isDisabled()).resolves.toBe(true);
    await del.getByLabel(/^Type .* to confirm$/).fill("Codebook from a file");
    await del.getByRole("button", { name: "Delete project" }).click();
    await page.waitForURL((url) => url.pathname === "/projects");
    await expect(page.getByRole("list", { name: "Projects" }).innerText()).resolves.not.toContain("Codebook from a file");
    const response = await page.goto(projectUrl);
    expect(response?.status()).toBe(404);
    await page.goto(`${appUrl}/projects`);
    await page.getByRole("list", { name: "Recently deleted" }).getByRole("button", { name: "Restore Codebook from a file" }).click();
    await until(async () => (await page.getByRole("list", { name: "Projects" }).innerText()).includes("Codebook from a file"), "the restore");
    expect((await page.goto(projectUrl))?.status()).toBe(200);
    await page.context().close();
  });
});
