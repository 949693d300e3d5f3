import type { Page } from "playwright-core";

export class ProjectsPage {
  constructor(private readonly page: Page) {}

  projectNames() {
    return this.page.getByRole("list", { name: "Projects" }).getByRole("link").allInnerTexts();
  }

  async open(name: string) {
    await this.page.getByRole("link", { name: new RegExp(name) }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
  }
}
