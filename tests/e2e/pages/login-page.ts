import type { Browser, Page } from "playwright-core";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password: string) {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  error() {
    // Scoped to the form: Next also renders an (empty) route announcer with role="alert".
    return this.page.locator("form").getByRole("alert");
  }
}

/** A fresh browser context (its own cookies) signed in, by default as a demo user, on the projects page. */
export async function signedInPage(
  browser: Browser,
  appUrl: string,
  email: string,
  { viewport = { width: 1400, height: 1000 }, password = "grounded-demo" }: { viewport?: { width: number; height: number }; password?: string } = {},
): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${appUrl}/login`);
  await new LoginPage(page).signIn(email, password);
  await page.waitForURL(`${appUrl}/projects`);
  return page;
}
