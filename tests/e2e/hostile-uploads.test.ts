import http from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deepXml, docxWithEntities, hugeQde, lyingZip, oversize, pngBytes, textBytes, zipBomb } from "../fixtures/hostile/make";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { ANALYST, PASSWORD } from "./setup/fixtures";

/**
 * The hostile-input corpus (tests/fixtures/hostile/make.ts) against the built server, through
 * the real upload routes, as a signed-in owner: each file is answered with a clear error,
 * nothing is written (projects, documents, jobs), and the server keeps answering — GET /login
 * is timed while each upload is refused (printed, not asserted: no timed assertions).
 */
const appUrl = inject("appUrl");
const importsProject = inject("fixtures").imports.projectId;
const MB = 1024 * 1024;
let browser: Browser;
let page: Page;
let cookie = "";

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, appUrl, ANALYST.email, { password: PASSWORD });
  cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
});
afterAll(async () => {
  await browser?.close();
});

type Answer = { status: number; body: { error?: { code: string; message: string }; previews?: { fileName: string; error?: string }[]; jobId?: string } };

const routes = {
  refi: `${appUrl}/api/imports/refi`,
  backup: `${appUrl}/api/imports/backup`,
  transcripts: `${appUrl}/api/projects/${importsProject}/imports/transcripts`,
  attributes: `${appUrl}/api/projects/${importsProject}/imports/attributes`,
};

async function upload(url: string, field: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}): Promise<Answer> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append(field, new File([bytes as Uint8Array<ArrayBuffer>], name));
  const response = await fetch(url, { method: "POST", body: form, headers: { cookie } });
  return { status: response.status, body: await response.json() };
}

/** What a refused upload must not have changed: the owner's projects, the import project's documents, their jobs. */
async function written(): Promise<{ projects: number; documents: number; jobs: number }> {
  await page.goto(`${appUrl}/projects`);
  const projects = await page.getByRole("list", { name: "Projects" }).getByRole("listitem").count();
  await page.goto(`${appUrl}/projects/${importsProject}`);
  const documents = await page.getByRole("list", { name: "Documents" }).getByRole("link").count();
  const jobs = ((await (await fetch(`${appUrl}/api/jobs`, { headers: { cookie } })).json()) as { jobs: unknown[] }).jobs.length;
  return { projects, documents, jobs };
}

/** Sends `send` while timing GET /login started a moment later; asserts the login page answered, prints how fast. */
async function whileRefusing<T>(label: string, send: () => Promise<T>): Promise<T> {
  const sent = send();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  const login = await fetch(`${appUrl}/login`);
  const ms = performance.now() - started;
  expect(login.status).toBe(200);
  console.log(`[hostile] ${label}: GET /login answered ${login.status} in ${ms.toFixed(0)} ms while the upload was refused`);
  return sent;
}

async function refusedWithNothingWritten(label: string, send: () => Promise<Answer>, expected: { status: number; message: RegExp }) {
  const before = await written();
  const answer = await whileRefusing(label, send);
  expect(answer.status).toBe(expected.status);
  const message = answer.body.error?.message ?? answer.body.previews?.[0]?.error ?? "";
  expect(message).toMatch(expected.message);
  expect(await written()).toEqual(before);
}

/**
 * A multipart POST of `offeredMb` megabytes sent chunked (Transfer-Encoding: chunked, no
 * Content-Length), written until the server answers: node:http reports the answer while the
 * body is still being written, where fetch would wait for (or fail on) the rest.
 */
function chunkedUpload(url: string, offeredMb: number): Promise<Answer["body"] extends infer B ? { status: number; body: B; sentMb: number } : never> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { cookie, "content-type": "multipart/form-data; boundary=----hostile", "transfer-encoding": "chunked" } });
    let sentMb = 0;
    let answered = false;
    const chunk = Buffer.alloc(MB, 0x61);
    request.on("response", (response) => {
      answered = true;
      let text = "";
      response.on("data", (part) => (text += part));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), sentMb });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && sentMb < offeredMb) {
        sentMb++;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      if (!answered) request.end();
    };
    write();
  });
}

/** An upload that starts a background job (answered 202) which fails with `message`, having stored no project or document. */
async function refusedInJob(label: string, url: string, name: string, bytes: Uint8Array, fields: Record<string, string>, message: RegExp) {
  const before = await written();
  const started = await whileRefusing(label, () => upload(url, "file", name, bytes, fields));
  expect(started.status).toBe(202);
  const job = async () => (await (await fetch(`${appUrl}/api/jobs/${started.body.jobId}`, { headers: { cookie } })).json()).job as { status: string; error: string | null };
  await expect.poll(async () => (await job()).status, { timeout: 60_000 }).toBe("failed");
  expect((await job()).error).toMatch(message);
  const after = await written();
  // The one new row is the failed job that tells the user why.
  expect(after).toEqual({ ...before, jobs: before.jobs + 1 });
}

describe("hostile uploads: a clear error, nothing written, the server still answering", () => {
  it("a zip bomb (1 GB of zeros packed to 1 MB) as a .qdpx, a backup and a Word transcript", async () => {
    const bomb = await zipBomb("project.qde", 1024 * MB);
    await refusedWithNothingWritten("zip bomb .qdpx", () => upload(routes.refi, "file", "bomb.qdpx", bomb), { status: 400, message: /^bomb\.qdpx: would unpack to more than \d+ MB/ });
    await refusedWithNothingWritten("zip bomb backup", () => upload(routes.backup, "file", "bomb.zip", bomb), { status: 400, message: /^bomb\.zip: would unpack to more than \d+ MB/ });
    const docx = await zipBomb("word/document.xml", 1024 * MB);
    await refusedWithNothingWritten("zip bomb .docx preview", () => upload(routes.transcripts, "files", "bomb.docx", docx, { mode: "preview" }), { status: 200, message: /^bomb\.docx would unpack to more than \d+ MB/ });
    await refusedWithNothingWritten("zip bomb .xlsx", () => upload(routes.attributes, "file", "bomb.xlsx", docx, { mode: "preview" }), { status: 400, message: /^bomb\.xlsx would unpack to more than \d+ MB/ });
  });

  it("a lying zip (81 bytes declared, 1 GB behind them) and a project.qde of 400 MB", async () => {
    const lying = await lyingZip("word/document.xml", 1024 * MB);
    await refusedWithNothingWritten("lying .docx preview", () => upload(routes.transcripts, "files", "lying.docx", lying, { mode: "preview" }), {
      status: 200,
      message: /^lying\.docx holds word\/document\.xml, which unpacks to more than the 81 bytes its directory declares/,
    });
    await refusedWithNothingWritten("400 MB project.qde", async () => upload(routes.refi, "file", "huge.qdpx", await hugeQde(400 * MB)), { status: 400, message: /^huge\.qdpx: would unpack to more than \d+ MB/ });

    // A lying .qdpx passes the directory check the request makes; the job finds it out in seconds and stores nothing.
    // A lying .qdpx passes the directory check the request makes; the job finds it out in seconds and stores nothing.
    await refusedInJob("lying .qdpx", routes.refi, "lying.qdpx", await lyingZip("project.qde", 1024 * MB), {}, /^lying\.qdpx: holds project\.qde, which unpacks to more than the 81 bytes its directory declares/);
  });

  it("deeply nested XML in a codebook; entity expansion (billion laughs) in a Word file is not expanded", async () => {
    await refusedInJob("deep .qdc", routes.refi, "deep.qdc", deepXml(200_000), { intoProjectId: importsProject }, /^deep\.qdc: the file nests elements more than 256 deep/);
    const before = await written();
    const docx = await whileRefusing("billion-laughs .docx", () => upload(routes.transcripts, "files", "laughs.docx", docxWithEntities(), { mode: "preview" }));
    expect(docx.status).toBe(200);
    // Three gigabytes of "lol" would not fit in the answer; the preview is small whatever it says.
    expect(JSON.stringify(docx.body).length).toBeLessThan(100_000);
    expect(JSON.stringify(docx.body)).not.toMatch(/(lol){100}/);
    expect(await written()).toEqual(before);
  });

  it("an oversize upload, and a chunked body without a length over the limit, are cut off with 413", async () => {
    const limit = 100 * MB; // GROUNDED_MAX_UPLOAD_MB's default, which the e2e server runs with
    await refusedWithNothingWritten("oversize .txt", () => upload(routes.transcripts, "files", "big.txt", oversize(limit + 2 * MB), { mode: "preview" }), { status: 413, message: /larger than the server's limit of 100 MB/ });

    const before = await written();
    const { status, body, sentMb } = await whileRefusing("chunked body without a length", () => chunkedUpload(routes.transcripts, 1024));
    expect(status).toBe(413);
    expect(body.error?.message).toMatch(/larger than the server's limit/);
    console.log(`[hostile] chunked body: ${sentMb} MB sent before the 413 arrived (1024 offered)`);
    expect(sentMb).toBeLessThan(1024);
    expect(await written()).toEqual(before);
  });

  it("wrong magic: a .docx that is a PNG, a .pdf that is text, an .xlsx that is a PNG", async () => {
    await refusedWithNothingWritten("PNG as .docx", () => upload(routes.transcripts, "files", "picture.docx", pngBytes(), { mode: "preview" }), { status: 200, message: /^picture\.docx is named \.docx but is not a Word document/ });
    await refusedWithNothingWritten("text as .pdf", () => upload(routes.transcripts, "files", "notes.pdf", textBytes(), { mode: "preview" }), { status: 200, message: /^notes\.pdf is named \.pdf but is not a PDF file/ });
    await refusedWithNothingWritten("PNG as .xlsx", () => upload(routes.attributes, "file", "cases.xlsx", pngBytes(), { mode: "preview" }), { status: 400, message: /cases\.xlsx is named \.xlsx but is not an Excel workbook/ });
  });
});
