import type { Page } from "playwright-core";

export class ProjectsPage {
  constructor(private readonly page: Page) {}

  projectNames() {
    return this.page.getByRole("list", { name: "Projects" }).getByRole("link").allInnerTexts();
  }

  async open(name: string) {
    await this.page.getByRole("link", { name: new RegExp(name) }).click();
  }

  /**
   * "New project", filled in and created; `codebookOf` names the project whose codebook to copy,
   * `codebookFile` a .qdc to start from.
   */
  async createProject(name: string, { codebookOf, codebookFile, description }: { codebookOf?: string; codebookFile?: string; description?: string } = {}) {
    await this.page.getByRole("button", { name: "New project" }).click();
    const form = this.page.getByRole("form", { name: "New project" });
    await form.getByLabel("Name").fill(name);
    if (description) await form.getByLabel("Description").fill(description);
    if (codebookOf) {
      await form.getByLabel("Codebook of another project of mine").check();
      await form.getByLabel("Copy the codebook of").selectOption({ label: codebookOf });
    }
    if (codebookFile) {
      await form.getByLabel("A codebook file (REFI-QDA .qdc)").check();
      await form.getByLabel("Codebook file", { exact: true }).setInputFiles(codebookFile);
    }
    await form.getByRole("button", { name: "Create project" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
  }
}
