import type { Page } from "playwright-core";

/** The coding workspace, driven as an analyst would: mouse selections, keys, clicks. */
export class TranscriptPage {
  constructor(private readonly page: Page) {}

  transcript() {
    return this.page.getByTestId("transcript");
  }

  async waitUntilReady() {
    await this.page.locator("[data-testid=transcript][data-ready=true]").waitFor();
  }

  /** Drags the mouse from inside the first word of `phrase` to inside its last word. */
  async selectWithMouse(phrase: string) {
    // Measured twice: the first call scrolls the phrase into view, the second reads where it landed.
    await this.phrasePoints(phrase, true);
    const { from, to } = await this.phrasePoints(phrase, false);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 8 });
    await this.page.mouse.up();
  }

  private phrasePoints(phrase: string, scroll: boolean) {
    return this.page.evaluate(
      ({ phrase, scroll }) => {
        const root = document.querySelector("[data-testid=transcript]")!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(phrase);
          if (at < 0) continue;
          if (scroll) (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
          const point = (offset: number) => {
            const range = document.createRange();
            range.setStart(node!, offset);
            range.setEnd(node!, offset);
            const rect = range.getBoundingClientRect();
            return { x: rect.left, y: rect.top + rect.height / 2 };
          };
          return { from: point(at + 2), to: point(at + phrase.length - 2) };
        }
        throw new Error(`"${phrase}" is not in one run of the transcript`);
      },
      { phrase, scroll },
    );
  }

  picker() {
    return this.page.getByTestId("code-picker");
  }

  /** Clicks the first option of that name: a recent code is listed first and again in its place in the tree. */
  async pickCode(name: string) {
    await this.picker().getByRole("option", { name: new RegExp(name) }).first().click();
  }

  /**
   * "done/total" as the codebook shows them for a code: [in this document, in the project].
   * The project's count arrives after the page ("…" until then), so this waits for it.
   */
  async counts(code: string): Promise<[number, number]> {
    const cell = this.page.getByTestId(`code-${code}`).locator("span[title*='in this document']");
    await cell.filter({ hasNotText: "…" }).waitFor();
    const text = await cell.innerText();
    const [doc, project] = text.split("/").map(Number);
    return [doc, project];
  }

  /** The coded runs whose text includes `phrase`. */
  highlightsContaining(phrase: string) {
    return this.transcript().locator("[data-codings]", { hasText: phrase });
  }

  async undo() {
    await this.transcript().focus();
    await this.page.keyboard.press("Control+z");
  }

  notice(kind: "error" | "info") {
    return this.page.getByTestId(`notice-${kind}`);
  }
}
