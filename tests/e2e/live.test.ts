import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "../../lib/db/client";
import { makeCode, makeDocument } from "../db/helpers/factories";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { TranscriptPage } from "./pages/transcript-page";
import { until } from "./pages/wait";
import { hashPassword } from "../../lib/auth/password";
import { PASSWORD } from "./setup/fixtures";
import { startApp, type RunningApp } from "./setup/start-app";

const appUrl = inject("appUrl");
const { url: databaseUrl, secret } = inject("appDatabase");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-second-"));
let browser: Browser;
let second: RunningApp;
let projectId: string;
let documentId: string;

const LIA = { email: "lia@live.e2e.test", name: "Lia Live" };
const MAX = { email: "max@live.e2e.test", name: "Max Live" };
const TEXT = "Interviewer: Why this cloud?\n\nKim: Mostly the cost of the GPUs, honestly.\n\nInterviewer: Anything else?\n\nKim: The community answers fast.\n";

beforeAll(async () => {
  // A second app instance on the same database: as behind a load balancer.
  [browser, second] = await Promise.all([launchBrowser(), startApp({ DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, GROUNDED_DATA_DIR: dataDir })]);
  const prisma = createPrismaClient(databaseUrl);
  // People of their own, so other browser tests (which change passwords and roles) cannot touch them.
  const passwordHash = await hashPassword(PASSWORD);
  const [lia, max] = await Promise.all(
    [LIA, MAX].map((u) => prisma.user.create({ data: { email: u.email, name: u.name, passwordHash }, select: { id: true } })),
  );
  const project = await prisma.project.create({
    // Max owns the project (he renames a code below), Lia codes in it.
    data: { name: "Live study", memberships: { create: [{ userId: lia.id, role: "analyst" }, { userId: max.id, role: "owner" }] } },
  });
  projectId = project.id;
  documentId = (await makeDocument(prisma, projectId, TEXT)).id;
  await makeCode(prisma, projectId, "Cost");
  await prisma.$disconnect();
}, 200_000);
afterAll(async () => {
  await browser?.close();
  await second?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a team in one live study, on two app instances", () => {
  it("shows who else has the transcript open, another analyst's coding and its removal, and a code's new name, without a reload", async () => {
    expect(second.url).not.toBe(appUrl);
    const lia = await signedInPage(browser, appUrl, LIA.email, { viewport: { width: 1300, height: 900 }, password: PASSWORD });
    const max = await signedInPage(browser, second.url, MAX.email, { viewport: { width: 1300, height: 900 }, password: PASSWORD });
    const where = (base: string) => `${base}/projects/${projectId}/documents/${documentId}`;
    await lia.goto(where(appUrl));
    await max.goto(where(second.url));
    const liaPage = new TranscriptPage(lia);
    const maxPage = new TranscriptPage(max);
    await Promise.all([liaPage.waitUntilReady(), maxPage.waitUntilReady()]);

    // Presence crosses instances: each sees the other.
    await lia.getByTestId("presence").filter({ hasText: "Also here: Max Live" }).waitFor();
    await max.getByTestId("presence").filter({ hasText: "Also here: Lia Live" }).waitFor();

    // Max codes on instance two; Lia's transcript on instance one shows it, and her codebook counts move.
    await maxPage.selectWithMouse("cost of the GPUs");
    await maxPage.pickCode("Cost");
    await maxPage.highlightsContaining("cost of the GPUs").first().waitFor();
    await liaPage.highlightsContaining("cost of the GPUs").first().waitFor({ timeout: 10_000 });
    await until(async () => (await liaPage.counts("Cost"))[1] === 1, "Lia's project count for Cost to reach 1");

    // Max undoes it: it goes from Lia's screen too.
    await maxPage.undo();
    await until(async () => (await maxPage.highlightsContaining("cost of the GPUs").count()) === 0, "the coding to go from Max's page");
    await until(async () => (await liaPage.highlightsContaining("cost of the GPUs").count()) === 0, "the coding to go from Lia's page");

    // Max renames the code on instance two: Lia's codebook shows the new name without a reload.
    await max.getByLabel("Manage Cost").click();
    await max.getByRole("button", { name: "Rename" }).click();
    const rename = max.getByLabel("Rename Cost");
    await rename.fill("Cost of compute");
    await rename.press("Enter");
    await max.getByTestId("code-Cost of compute").waitFor();
    await lia.getByTestId("code-Cost of compute").waitFor({ timeout: 10_000 });

    // When Max leaves, Lia no longer sees him.
    await max.close();
    await until(async () => (await lia.getByTestId("presence").count()) === 0, "Max to leave Lia's presence list");
  });
});
