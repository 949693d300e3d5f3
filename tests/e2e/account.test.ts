import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { LoginPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";
import { ACCOUNT_MEMBER, ACCOUNT_OWNER, ANALYST, PASSWORD } from "./setup/fixtures";

const appUrl = inject("appUrl");
const fixtures = inject("fixtures");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${appUrl}/login`);
  await new LoginPage(page).signIn(email, password);
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}

/** The credentials sign-in as a script would post it; returns where next-auth sends the caller. */
async function postSignIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = await (await request.get(`${appUrl}/api/auth/csrf`)).json();
  const response = await request.post(`${appUrl}/api/auth/callback/credentials`, {
    form: { email, password, csrfToken, callbackUrl: `${appUrl}/projects` },
    headers,
    maxRedirects: 0,
  });
  return new URL(response.headers()["location"] ?? "", appUrl).searchParams.get("error") ?? "ok";
}

describe("sessions end on the server", () => {
  it("a session cookie copied before sign-out no longer opens anything afterwards", async () => {
    const page = await signedIn(ANALYST.email);
    const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
    expect(copied).toHaveLength(1);

    await new ProjectsPage(page).signOut();
    await page.waitForURL(/\/login/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto(`${appUrl}/projects`);
    await stolen.waitForURL(/\/login/);
    const api = await stolen.request.get(`${appUrl}/api/projects/${fixtures.alpha.projectId}/documents/${fixtures.alpha.documentId}`);
    expect(api.status()).toBe(401);
  });

  it("the account page lists the owner's sessions and signs out another one", async () => {
    // Olga, not Ana: other test files' browsers are signed in as Ana.
    const laptop = await signedIn(ACCOUNT_OWNER.email);
    const phone = await signedIn(ACCOUNT_OWNER.email);
    await laptop.getByTestId("current-user").click();
    await laptop.waitForURL(`${appUrl}/account`);
    const sessions = laptop.getByRole("list", { name: "Sessions" });
    await expect(sessions.getByText("This browser").count()).resolves.toBe(1);
    // The address the server stamped from the socket (not "unknown"): the throttle keys on it too.
    expect(await sessions.innerText()).toContain("127.0.0.1 · signed in");
    await laptop.getByRole("button", { name: /Sign out all other sessions/ }).click();
    await expect.poll(() => sessions.getByRole("listitem").count()).toBe(1);

    await phone.goto(`${appUrl}/projects`);
    await phone.waitForURL(/\/login/);
    await laptop.goto(`${appUrl}/projects`);
    expect(new URL(laptop.url()).pathname).toBe("/projects");
  });
});

describe("passwords", () => {
  it("an owner resets a member's password; the member must replace the temporary one, then signs in with their own", async () => {
    const member = await signedIn(ACCOUNT_MEMBER.email);
    const owner = await signedIn(ACCOUNT_OWNER.email);
    await owner.goto(`${appUrl}/projects/${fixtures.account.projectId}`);
    owner.once("dialog", (dialog) => void dialog.accept());
    await owner.getByRole("button", { name: `Reset password of ${ACCOUNT_MEMBER.email}` }).click();
    const temporary = await owner.getByTestId("temporary-password").innerText();
    expect(temporary.length).toBeGreaterThanOrEqual(16);

    // The member's open session ended with the reset.
    await member.goto(`${appUrl}/projects`);
    await member.waitForURL(/\/login/);

    await new LoginPage(member).signIn(ACCOUNT_MEMBER.email, temporary);
    await member.waitForURL(/\/account/);
    await expect(member.getByRole("alert").filter({ hasText: "reset your password" }).count()).resolves.toBe(1);
    await member.goto(`${appUrl}/projects`);
    await member.waitForURL(/\/account/);

    const newPassword = "max-chose-this-one";
    await member.getByLabel("Current password").fill(temporary);
    await member.getByLabel("New password", { exact: true }).fill(newPassword);
    await member.getByLabel("New password again").fill(newPassword);
    await member.getByRole("button", { name: "Change password" }).click();
    await member.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
    await member.goto(`${appUrl}/projects`);
    expect(new URL(member.url()).pathname).toBe("/projects");

    const fresh = await signedIn(ACCOUNT_MEMBER.email, newPassword);
    expect(new URL(fresh.url()).pathname).toBe("/projects");
  });

  it("the login page's advice names what exists", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${appUrl}/login`);
    const advice = await page.getByTestId("forgot-password").innerText();
    expect(advice).toMatch(/owner of your project to reset it/);
    expect(advice).toMatch(/npm run user:password/);
  });
});

describe("the sign-in throttle sees the real client address", () => {
  it("X-Forwarded-For and a forged client-address header do not give a locked-out caller a new address", async () => {
    const context = await browser.newContext();
    const probe = "nobody-xff@e2e.test";
    const results: string[] = [];
    for (let i = 0; i < 6; i++) {
      results.push(await postSignIn(context.request, probe, "wrong", { "x-forwarded-for": `198.51.100.${i}`, "x-grounded-client-ip": `203.0.113.${i}` }));
    }
    // One address as far as the server can tell (no trusted proxy is configured): locked after 5.
    expect(results).toEqual(["CredentialsSignin", "CredentialsSignin", "CredentialsSignin", "CredentialsSignin", "RATE_LIMITED", "RATE_LIMITED"]);
  });
});
