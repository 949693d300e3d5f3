import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "../../lib/db/client";
import { codePointLength } from "../../lib/transcripts/offsets";
import { parsePlainTextTranscript } from "../../lib/transcripts/plain-text";
import { makeCode } from "../db/helpers/factories";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { TranscriptPage } from "./pages/transcript-page";
import { until } from "./pages/wait";
import { ANALYST, PASSWORD } from "./setup/fixtures";

const appUrl = inject("appUrl");
const { url: databaseUrl } = inject("appDatabase");
const prisma = createPrismaClient(databaseUrl);
let browser: Browser;
let projectId: string;
let documentId: string;
const ids: Record<"gpus" | "community", string> = { gpus: "", community: "" };

// An automatic transcript's error ("GPU's") under one coding, and a coding after it.
const TEXT = "Interviewer: Why this cloud?\n\nKim: Mostly the cost of the GPU's, honestly.\n\nInterviewer: Anything else?\n\nKim: The community answers fast 🙂.\n";
const at = (text: string, needle: string) => ({ start: codePointLength(text.slice(0, text.indexOf(needle))), end: codePointLength(text.slice(0, text.indexOf(needle))) + codePointLength(needle) });

beforeAll(async () => {
  browser = await launchBrowser();
  const ana = await prisma.user.findUniqueOrThrow({ where: { email: ANALYST.email } });
  const project = await prisma.project.create({ data: { name: "Correction study", memberships: { create: { userId: ana.id, role: "analyst" } } } });
  projectId = project.id;
  const parsed = parsePlainTextTranscript(TEXT);
  const document = await prisma.document.create({
    data: {
      projectId, title: "Kim", text: parsed.text, textLength: codePointLength(parsed.text), checksum: "e2e", sourceFormat: "text",
      turns: { create: parsed.turns.map((t, index) => ({ ...t, index })) },
    },
  });
  documentId = document.id;
  const code = await makeCode(prisma, projectId, "Cost");
  const coding = (needle: string) => prisma.coding.create({ data: { projectId, documentId, codeId: code.id, coderId: ana.id, ...at(parsed.text, needle), quote: needle } });
  ids.gpus = (await coding("the cost of the GPU's")).id;
  ids.community = (await coding("The community answers fast 🙂")).id;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("correcting a transcript under its codings", () => {
  it("an analyst corrects a word in a turn: the preview says what happens, the coding after it keeps its quote, the one on the word is listed to review", async () => {
    const page = await signedInPage(browser, appUrl, ANALYST.email, { viewport: { width: 1300, height: 900 }, password: PASSWORD });
    await page.goto(`${appUrl}/projects/${projectId}/documents/${documentId}`);
    const transcript = new TranscriptPage(page);
    await transcript.waitUntilReady();

    await page.getByTestId("correct-text").click();
    const form = page.getByTestId("correction-form");
    await form.getByLabel("Turn").selectOption({ index: 1 });
    await expect(form.getByLabel("Text").inputValue()).resolves.toBe("Mostly the cost of the GPU's, honestly.");
    await form.getByLabel("Text").fill("Mostly the cost of the GPUs, honestly.");
    await form.getByRole("button", { name: "Preview" }).click();
    await form.getByTestId("correction-preview").filter({ hasText: "Codings you can see: 1 kept, 1 to review, 0 detached." }).waitFor();
    await form.getByRole("button", { name: "Save correction" }).click();

    // The page starts again from the corrected version.
    await page.getByTestId("review-item").waitFor();
    await transcript.waitUntilReady();
    const item = page.getByTestId("review-item");
    await expect(item.innerText()).resolves.toContain("Was: the cost of the GPU's");
    await expect(item.innerText()).resolves.toContain("Now: the cost of the GPUs");
    await expect(transcript.highlightsContaining("The community answers fast").count()).resolves.toBeGreaterThan(0);

    const document = await prisma.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(document.version).toBe(2);
    const community = await prisma.coding.findUniqueOrThrow({ where: { id: ids.community } });
    expect(community).toMatchObject({ quote: "The community answers fast 🙂", ...at(document.text, "The community answers fast 🙂") });
    expect(await prisma.coding.findUniqueOrThrow({ where: { id: ids.gpus } })).toMatchObject({ quote: "the cost of the GPUs" });

    await item.getByRole("button", { name: "Accept" }).click();
    await until(async () => (await page.getByTestId("review-item").count()) === 0, "the accepted item to leave the list");
    expect(await prisma.codingCorrection.findFirstOrThrow({ where: { codingId: ids.gpus } })).toMatchObject({ resolution: "accepted" });
    await page.context().close();
  });
});
