import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { LoginPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";
import { ANALYST, PASSWORD } from "./setup/fixtures";

const appUrl = inject("appUrl");
const fixtures = inject("fixtures");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  const context = await browser.newContext();
  page = await context.newPage();
});

describe("signing in", () => {
  it("an analyst signs in, sees only their projects, opens one, and signs out", async () => {
    await page.goto(`${appUrl}/login`);
    await new LoginPage(page).signIn(ANALYST.email, PASSWORD);
    await page.waitForURL(`${appUrl}/projects`);
    const projects = new ProjectsPage(page);
    const names = await projects.projectNames();
    expect(names.some((n) => n.includes("Alpha study"))).toBe(true);
    expect(names.some((n) => n.includes("Beta study"))).toBe(true);
    expect(names.some((n) => n.includes("Secret study"))).toBe(false);

    await projects.open("Alpha study");
    await page.waitForURL(`${appUrl}/projects/${fixtures.alpha.projectId}`);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Alpha study");
    await expect(page.getByRole("list", { name: "Documents" }).innerText()).resolves.toContain("Alpha study interview");

    await projects.signOut();
    await page.waitForURL(/\/login/);
    await page.goto(`${appUrl}/projects`);
    await page.waitForURL(/\/login/);
  });

  it("a wrong password shows the error and stays on the login page", async () => {
    await page.goto(`${appUrl}/login`);
    const login = new LoginPage(page);
    await login.signIn(ANALYST.email, "not-the-password");
    await expect(login.error().innerText()).resolves.toMatch(/do not match an account/);
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("a signed-out visit to a project URL lands on the login page and returns there after signing in", async () => {
    const target = `/projects/${fixtures.alpha.projectId}`;
    await page.goto(`${appUrl}${target}`);
    await page.waitForURL(/\/login\?callbackUrl=/);
    await new LoginPage(page).signIn(ANALYST.email, PASSWORD);
    await page.waitForURL(`${appUrl}${target}`);
  });

  it("another project's page and API answer 404 to a signed-in analyst", async () => {
    await page.goto(`${appUrl}/login`);
    await new LoginPage(page).signIn(ANALYST.email, PASSWORD);
    await page.waitForURL(`${appUrl}/projects`);
    const pageResponse = await page.goto(`${appUrl}/projects/${fixtures.secret.projectId}`);
    expect(pageResponse?.status()).toBe(404);
    const documentPage = await page.goto(`${appUrl}/projects/${fixtures.secret.projectId}/documents/${fixtures.secret.documentId}`);
    expect(documentPage?.status()).toBe(404);
    // A document of another project, asked for under a project she does belong to.
    const crossed = await page.request.get(`${appUrl}/api/projects/${fixtures.alpha.projectId}/documents/${fixtures.secret.documentId}`);
    expect(crossed.status()).toBe(404);
    const api = await page.request.get(`${appUrl}/api/projects/${fixtures.secret.projectId}/documents/${fixtures.secret.documentId}`);
    expect(api.status()).toBe(404);
    expect(JSON.stringify(await api.json())).not.toContain("Curiosity");
    const own = await page.request.get(`${appUrl}/api/projects/${fixtures.alpha.projectId}/documents/${fixtures.alpha.documentId}`);
    expect(own.status()).toBe(200);
    expect((await own.json()).document.text).toContain("Curiosity about Alpha study");
  });
});
