import type { Page } from "playwright-core";

/** The header's background-jobs indicator (components/jobs/jobs-indicator.tsx). */
export class JobsIndicator {
  constructor(private readonly page: Page) {}

  root() {
    return this.page.getByTestId("jobs-indicator");
  }

  toggle() {
    return this.root().getByRole("button").first();
  }

  /** Waits until the indicator's summary reads like `text` ("1 import done", "1 import failed"). */
  async waitFor(text: RegExp, timeout = 60_000) {
    await this.root().getByRole("button", { name: text }).waitFor({ timeout });
  }

  async open() {
    if ((await this.toggle().getAttribute("aria-expanded")) !== "true") await this.toggle().click();
    return this.page.getByRole("region", { name: "Background jobs" });
  }
}
