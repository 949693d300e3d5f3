import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
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

describe("the case sheet", () => {
  it("an owner adds an attribute and a case, sets values, puts a transcript in the case, and finds it all after a reload", async () => {
    const page = await signedInPage(browser, appUrl, "owner@demo.grounded.test", { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${appUrl}/projects`);
    await new ProjectsPage(page).createProject("Case sheet study");
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(demoProjectId));
    const projectUrl = page.url();

    await page.getByRole("link", { name: "Import transcripts" }).click();
    await page.getByLabel("Choose transcript files").setInputFiles([{ name: "Kim.txt", mimeType: "text/plain", buffer: Buffer.from("R1: How are nights?\n\nKim: Long, and the ward is quiet.\n") }]);
    await page.getByTestId("import-file").first().waitFor();
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await page.getByRole("list", { name: "Imported documents" }).waitFor();

    await page.goto(projectUrl);
    await page.getByRole("link", { name: "Cases and attributes" }).click();
    await page.getByRole("heading", { level: 1, name: /^Cases and attributes/ }).waitFor();
    const status = page.getByRole("status").filter({ hasText: /./ });

    const attribute = page.getByRole("form", { name: "Add an attribute" });
    await attribute.getByLabel("New attribute").fill("Sector");
    await attribute.getByLabel("Type").selectOption("category");
    await attribute.getByLabel("Categories, one per line").fill("Academia\nIndustry");
    await attribute.getByRole("button", { name: "Add attribute" }).click();
    await expect(status.innerText()).resolves.toBe("Added the attribute “Sector” (category).");
    await attribute.getByLabel("New attribute").fill("Years");
    await attribute.getByLabel("Type").selectOption("number");
    await attribute.getByRole("button", { name: "Add attribute" }).click();
    await page.getByText("Added the attribute “Years” (number).").waitFor();

    const addCase = page.getByRole("form", { name: "Add a case" });
    await addCase.getByLabel("New case").fill("Night nurse");
    await addCase.getByRole("button", { name: "Add case" }).click();
    await page.getByText("Added the case “Night nurse”.").waitFor();
    // The same name in other capitals is refused, saying why.
    await addCase.getByLabel("New case").fill("night NURSE");
    await addCase.getByRole("button", { name: "Add case" }).click();
    await page.getByText("A case named “Night nurse” already exists in this project; case names must differ by more than capitals.").waitFor();

    await page.getByLabel("Sector of Night nurse").selectOption("Industry");
    const years = page.getByLabel("Years of Night nurse");
    await years.fill("twelve");
    await years.press("Enter");
    await page.getByText("“twelve” is not a number; Years holds numbers. Nothing was saved.").waitFor();
    await years.fill("12");
    await years.press("Enter");

    await page.getByRole("button", { name: "Add a document to Night nurse" }).click();
    const picker = page.getByLabel("Add a document to Night nurse");
    const kim = await picker.locator("option", { hasText: "Kim" }).getAttribute("value");
    await picker.selectOption(kim!);
    await page.getByText("“Kim” is now in Night nurse.").waitFor();

    await page.reload();
    await expect(page.getByLabel("Sector of Night nurse").inputValue()).resolves.toBe("Industry");
    await expect(page.getByLabel("Years of Night nurse").inputValue()).resolves.toBe("12");
    const row = page.locator("tr", { has: page.getByLabel("Name of case Night nurse") });
    await expect(row.getByRole("link", { name: "Kim" }).count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: "Documents without a case (0)" }).count()).resolves.toBe(1);

    // A type change states the values' fate before it is made.
    await page.getByText("Edit attribute Years").click();
    const retype = page.getByRole("form", { name: "Change the type of Years" });
    await retype.getByLabel("Type").selectOption("text");
    await retype.getByRole("button", { name: "Check what happens to the values" }).click();
    await page.getByText("number → text: 1 value converts; none is cleared.").waitFor();
    await page.getByRole("button", { name: "Confirm the change" }).click();
    await page.getByText("“Years” is now text: 1 converted, 0 cleared.").waitFor();
    await page.reload();
    await expect(page.getByRole("columnheader", { name: /Years \(text\)/ }).count()).resolves.toBe(1);
    await expect(page.getByLabel("Years of Night nurse").inputValue()).resolves.toBe("12");
    await page.context().close();
  });
});
