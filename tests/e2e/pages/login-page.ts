import type { Page } from "playwright-core";

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
