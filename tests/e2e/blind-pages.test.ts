import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signedInPage } from "./pages/login-page";
import { PASSWORD } from "./setup/fixtures";

/**
 * Blind mode, walked as a person would: every page of the app (enumerated from app/**\/page.tsx,
 * so a new page fails here until it is listed), opened by the blind analyst and by the viewer
 * of the blind study (setup/blind-study.ts), with URLs that ask for the hidden analyst's work
 * outright. The HTML the server sends, its React payload included, must hold none of the
 * markers of that work. One exception: the hidden analyst's name may appear where pages list
 * the team (members, assignments, the analysts one may compare), as every member sees it (blind
 * coding hides a colleague's work, not that they are on the team); never their e-mail address. tests/db/security/blind-leaks.test.ts does the same for every route
 * handler and server action.
 */

const appUrl = inject("appUrl");
const study = inject("blindStudy");
const root = path.resolve(import.meta.dirname, "../..");
const encodeCell = (cell: unknown) => Buffer.from(JSON.stringify(cell)).toString("base64url");

// For each page file: the URLs opened, the hidden analyst's id among the asked-for choices.
const P = `/projects/${study.projectId}`;
const PAGES: Record<string, string[]> = {
  "app/(auth)/login/page.tsx": ["/login"],
  "app/page.tsx": ["/"],
  "app/account/page.tsx": ["/account"],
  "app/projects/page.tsx": ["/projects"],
  "app/projects/[projectId]/page.tsx": [P],
  "app/projects/[projectId]/autocode/page.tsx": [`${P}/autocode`],
  "app/projects/[projectId]/cases/page.tsx": [`${P}/cases`],
  "app/projects/[projectId]/codebook/page.tsx": [`${P}/codebook`, `${P}/codebook?history=2`],
  "app/projects/[projectId]/documents/[documentId]/page.tsx": [`${P}/documents/${study.documentId}`, `${P}/documents/${study.documentId}?coders=coder:${study.benId}`],
  "app/projects/[projectId]/exports/page.tsx": [`${P}/exports`],
  "app/projects/[projectId]/findings/page.tsx": [`${P}/findings`, `${P}/findings?coders=coder:${study.benId}`, `${P}/findings?coders=consensus`],
  "app/projects/[projectId]/history/page.tsx": [`${P}/history`, `${P}/history?person=${study.benId}`, `${P}/history?kind=codings&document=${study.documentId}`, `${P}/history?code=${study.codeId}`],
  "app/projects/[projectId]/import/page.tsx": [`${P}/import`],
  "app/projects/[projectId]/memos/page.tsx": [`${P}/memos`, `${P}/memos?author=${study.benId}`, `${P}/memos?kind=coding`],
  "app/projects/[projectId]/quotes/page.tsx": [
    `${P}/quotes?coders=any&cell=${encodeCell({ kind: "code", codeId: study.codeId })}`,
    `${P}/quotes?coders=coder:${study.benId}&cell=${encodeCell({ kind: "code", codeId: study.codeId })}`,
  ],
  "app/projects/[projectId]/rigour/page.tsx": [`${P}/rigour`],
  "app/projects/[projectId]/rigour/agreement/page.tsx": [`${P}/rigour/agreement`, `${P}/rigour/agreement?coders=${study.benId}`],
  "app/projects/[projectId]/rigour/assignments/page.tsx": [`${P}/rigour/assignments`],
  "app/projects/[projectId]/rigour/blind/page.tsx": [`${P}/rigour/blind`],
  "app/projects/[projectId]/rigour/disagreements/page.tsx": [`${P}/rigour/disagreements`, `${P}/rigour/disagreements?coders=${study.benId}`],
  "app/projects/[projectId]/rigour/queue/page.tsx": [`${P}/rigour/queue`],
  "app/projects/[projectId]/search/page.tsx": [`${P}/search`, `${P}/search?q=the&mode=any`, `${P}/search?q=%22the%22&mode=phrase&speaker=respondent`],
  "app/projects/[projectId]/summaries/page.tsx": [`${P}/summaries`, `${P}/summaries?coders=coder:${study.benId}`, `${P}/summaries?coders=any`],
  "app/projects/[projectId]/themes/[codeId]/page.tsx": [`${P}/themes/${study.codeId}`, `${P}/themes/${study.codeId}?coders=coder:${study.benId}`],
};

// Pages that list the team by name (see above): the member list, the assignment table, and the
// analysts one may choose to compare on the agreement and disagreement pages, and the history's "Who" filter.
const TEAM_PAGES = new Set([P, `${P}/rigour/assignments`, ...PAGES["app/projects/[projectId]/history/page.tsx"]!, ...PAGES["app/projects/[projectId]/rigour/agreement/page.tsx"]!, ...PAGES["app/projects/[projectId]/rigour/disagreements/page.tsx"]!]);

function pageFiles(): string[] {
  return fs
    .readdirSync(path.join(root, "app"), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === "page.tsx")
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("blind mode in every page", () => {
  it("lists every page of the app (add a new one here, with the URLs that open it)", () => {
    expect(pageFiles()).toEqual(Object.keys(PAGES).sort());
  });

  for (const reader of ["analyst", "viewer"] as const) {
    it(`sends the blind ${reader} no trace of the hidden analyst's work on any page`, async () => {
      const page = await signedInPage(browser, appUrl, study.readers[reader], { password: PASSWORD });
      const context: BrowserContext = page.context();
      const leaks: string[] = [];
      let opened = 0;
      for (const url of Object.values(PAGES).flat()) {
        // The server's answer itself (HTML with the React payload), as a crawler would read it.
        const response = await context.request.get(`${appUrl}${url}`);
        expect(response.status(), url).toBeLessThan(500);
        const html = await response.text();
        if (response.status() === 200) opened++;
        const markers = TEAM_PAGES.has(url) ? study.markers.filter((m) => m !== "Hiddenfeld") : study.markers;
        for (const marker of markers) if (html.includes(marker)) leaks.push(`${url}: ${marker} in …${html.slice(Math.max(0, html.indexOf(marker) - 100), html.indexOf(marker) + 40)}…`);
      }
      expect(leaks).toEqual([]);
      // The walk reached the pages (a sign-in gone wrong would make every answer a login page).
      expect(opened).toBeGreaterThan(10);
      await context.close();
    });
  }
});
