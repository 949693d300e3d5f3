import type { Locator, Page } from "playwright-core";

/** The Rigour area's pages, driven as an owner or analyst would. */

export class AssignmentsPage {
  constructor(private readonly page: Page) {}

  async open(appUrl: string, projectId: string) {
    await this.page.goto(`${appUrl}/projects/${projectId}/rigour/assignments`);
  }

  /** Ticks the interview whose title starts with `title` and each analyst named, then Assign. */
  async assign(title: string, analysts: string[]) {
    const form = this.page.getByRole("form", { name: "Assign interviews" });
    await form.getByRole("checkbox", { name: new RegExp(`^${title}`) }).check();
    for (const name of analysts) await form.getByRole("checkbox", { name: new RegExp(`^${escape(name)}`) }).check();
    await form.getByRole("button", { name: "Assign" }).click();
    await form.getByRole("status").waitFor();
    return form.getByRole("status").innerText();
  }

  /** The cell of one interview (row title starting with `title`) for one analyst (column `name`). */
  async cell(title: string, name: string): Promise<string> {
    const table = this.page.getByRole("table", { name: "Assignments" });
    const headers = await table.locator("thead th").allInnerTexts();
    const column = headers.findIndex((h) => h.trim() === name);
    const row = table.locator("tbody tr", { has: this.page.getByRole("rowheader", { name: new RegExp(`^${title}`) }) });
    return row.locator("th, td").nth(column).innerText();
  }
}

export class QueuePage {
  constructor(private readonly page: Page) {}

  async open(appUrl: string, projectId: string) {
    await this.page.goto(`${appUrl}/projects/${projectId}/rigour/queue`);
  }

  item(title: string): Locator {
    return this.page.getByTestId("queue-item").filter({ hasText: title });
  }

  async markDone(title: string) {
    const item = this.item(title);
    await item.getByRole("button", { name: /Mark .* done$/ }).click();
    await item.getByRole("button", { name: /not done$/ }).waitFor();
  }
}

export class AgreementPage {
  constructor(private readonly page: Page) {}

  async open(appUrl: string, projectId: string, query = "") {
    await this.page.goto(`${appUrl}/projects/${projectId}/rigour/agreement${query}`);
  }

  summary() {
    return this.page.getByTestId("agreement-summary").innerText();
  }

  overallAlpha() {
    return this.page.getByTestId("overall-alpha").innerText();
  }

  methods() {
    return this.page.getByTestId("methods-paragraph").innerText();
  }
}

export class DisagreementsPage {
  constructor(private readonly page: Page) {}

  async open(appUrl: string, projectId: string, query = "") {
    await this.page.goto(`${appUrl}/projects/${projectId}/rigour/disagreements${query}`);
  }

  cards(): Locator {
    return this.page.getByTestId("disagreement");
  }

  /** The card whose heading is exactly `heading`, found again after the page refreshes. */
  card(heading: string): Locator {
    return this.cards().filter({ has: this.page.getByRole("heading", { name: heading, exact: true }) });
  }

  async decide(card: Locator, choice: "Accept A" | "Accept B" | "Accept both" | "Merge boundaries" | "Neither", reason = "") {
    if (reason) await card.getByLabel("Reason (optional)").fill(reason);
    await card.getByRole("button", { name: new RegExp(`^${choice}:`) }).click();
    await card.getByTestId("decision").waitFor();
  }

  async undo(card: Locator) {
    await card.getByRole("button", { name: "Undo decision" }).click();
    await card.getByRole("button", { name: /^Accept A:/ }).waitFor();
  }

  decisionLog(): Locator {
    return this.page.getByTestId("decision-entry");
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
