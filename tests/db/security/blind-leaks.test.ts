import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../../../lib/auth/session";
import { refiGuid } from "../../../lib/interop/refi/guid";
import { useTestDatabase } from "../helpers/test-database";
import { as, span } from "../helpers/team-world";
import { blindWorld, readable, type BlindWorld } from "./blind-world";

/**
 * Blind mode has no back door: every route handler and every server action, called as a
 * blind analyst (Ana) and as a viewer (Vic) with inputs aimed at Ben's hidden work, answers
 * without any of its markers (blind-world.ts). The lists below are checked against the files
 * on disk, so a new route or action fails this test until it is added here, with a call that
 * shows what it answers a blind reader. The session is the only thing replaced: every call
 * goes through the real handler, its checks and a real PostgreSQL.
 */

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, sessionId: "" }));
vi.mock("../../../lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  getCurrentSession: async () => session.user && { sessionId: session.sessionId, user: session.user, mustChangePassword: false },
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { prisma } = await useTestDatabase();
const root = path.resolve(import.meta.dirname, "../../..");

type Call = (w: BlindWorld) => Promise<unknown>;
type Exempt = { exempt: string };

const request = (url: string, init?: RequestInit) => new Request(`http://localhost:3000${url}`, { ...init, headers: { origin: "http://localhost:3000", host: "localhost:3000", ...init?.headers } });
const emptyUpload = () => ({ method: "POST", body: new FormData() });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
async function handler(file: string, method: string) {
  const mod = (await import(path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<Response>>;
  return mod[method]!;
}
async function action(file: string, name: string) {
  const mod = (await import(path.join(root, file))) as Record<string, (input: unknown) => Promise<unknown>>;
  return mod[name]!;
}

const ROUTES: Record<string, Call | Exempt> = {
  "app/api/auth/[...nextauth]/route.ts GET": { exempt: "next-auth's own sign-in endpoints: they read no project data" },
  "app/api/auth/[...nextauth]/route.ts POST": { exempt: "next-auth's own sign-in endpoints: they read no project data" },
  "app/api/imports/backup/route.ts POST": async () => (await handler("app/api/imports/backup/route.ts", "POST"))(request("/api/imports/backup", emptyUpload())),
  "app/api/imports/refi/route.ts POST": async () => (await handler("app/api/imports/refi/route.ts", "POST"))(request("/api/imports/refi", emptyUpload())),
  "app/api/jobs/route.ts GET": async () => (await handler("app/api/jobs/route.ts", "GET"))(request("/api/jobs")),
  "app/api/jobs/[jobId]/route.ts GET": async (w) => (await handler("app/api/jobs/[jobId]/route.ts", "GET"))(request(`/api/jobs/${w.benJob.id}`), params({ jobId: w.benJob.id })),
  "app/api/jobs/[jobId]/dismiss/route.ts POST": async (w) =>
    (await handler("app/api/jobs/[jobId]/dismiss/route.ts", "POST"))(request(`/api/jobs/${w.benJob.id}/dismiss`, { method: "POST" }), params({ jobId: w.benJob.id })),
  "app/api/projects/[projectId]/backup/route.ts GET": async (w) => (await handler("app/api/projects/[projectId]/backup/route.ts", "GET"))(request("/x"), params({ projectId: w.project.id })),
  "app/api/projects/[projectId]/co-occurrence/route.ts GET": async (w) => {
    const get = await handler("app/api/projects/[projectId]/co-occurrence/route.ts", "GET");
    // Asking for Ben's coding, for everyone's, and for the default: each answers with what the summaries page would show.
    return Promise.all(
      [`coder:${w.ben.id}`, "any", ""].map((coders) => get(request(`/api/projects/${w.project.id}/co-occurrence?coders=${encodeURIComponent(coders)}`), params({ projectId: w.project.id }))),
    );
  },
  "app/api/projects/[projectId]/codes/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/codes/route.ts", "GET"))(request(`/api/projects/${w.project.id}/codes?q=co`), params({ projectId: w.project.id })),
  "app/api/projects/[projectId]/codes/[codeId]/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/codes/[codeId]/route.ts", "GET"))(request("/x"), params({ projectId: w.project.id, codeId: w.cost.id })),
  // Numbers only, no markers: that Ben's codings are not counted is tests/db/codings/workspace-opening.test.ts's.
  "app/api/projects/[projectId]/codes/counts/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/codes/counts/route.ts", "GET"))(request("/x"), params({ projectId: w.project.id })),
  "app/api/projects/[projectId]/codings/[format]/route.ts GET": async (w) => {
    const get = await handler("app/api/projects/[projectId]/codings/[format]/route.ts", "GET");
    return [await get(request("/x"), params({ projectId: w.project.id, format: "csv" })), await get(request("/x"), params({ projectId: w.project.id, format: "xlsx" }))];
  },
  "app/api/projects/[projectId]/documents/[documentId]/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/documents/[documentId]/route.ts", "GET"))(request("/x"), params({ projectId: w.project.id, documentId: w.doc1.id })),
  "app/api/projects/[projectId]/documents/[documentId]/workspace/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/documents/[documentId]/workspace/route.ts", "GET"))(request("/x"), params({ projectId: w.project.id, documentId: w.doc1.id })),
  "app/api/projects/[projectId]/export/[format]/route.ts GET": async (w) => {
    const get = await handler("app/api/projects/[projectId]/export/[format]/route.ts", "GET");
    return [await get(request("/x"), params({ projectId: w.project.id, format: "qdpx" })), await get(request("/x"), params({ projectId: w.project.id, format: "qdc" }))];
  },
  // Ben's code as a slice and as a theme, with analysts named: only Ana's own codings come back.
  "app/api/projects/[projectId]/export/slice/route.ts GET": async (w) => {
    const get = await handler("app/api/projects/[projectId]/export/slice/route.ts", "GET");
    const urls = [`slice=code&id=${w.cost.id}&subcodes=1&format=csv`, `slice=code&id=${w.community.id}&format=xlsx`, `slice=document&id=${w.doc1.id}&format=csv`].map((q) => `/x?${q}`);
    return Promise.all(urls.map((url) => get(request(url), params({ projectId: w.project.id }))));
  },
  "app/api/projects/[projectId]/export/theme-quotes/route.ts GET": async (w) => {
    const get = await handler("app/api/projects/[projectId]/export/theme-quotes/route.ts", "GET");
    return Promise.all([w.cost.id, w.community.id].map((codeId) => get(request(`/x?codeId=${codeId}&subcodes=1&coders=1`), params({ projectId: w.project.id }))));
  },
  // A saved search's matches: transcript text, and the coded filter under the reader's scope (tests/db/search/coded-filter.test.ts).
  "app/api/projects/[projectId]/export/search/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/export/search/route.ts", "GET"))(request(`/api/projects/${w.project.id}/export/search?savedSearchId=missing&format=csv`), params({ projectId: w.project.id })),
  // The live feed from the first event on, with Ben's coding in the log: his events must not reach blind readers.
  "app/api/projects/[projectId]/live/route.ts GET": async (w) => {
    const { db } = await import("../../../lib/db/client");
    const { recordAudit } = await import("../../../lib/audit/record");
    if ((await db().auditEvent.count({ where: { entityId: w.benCost.id } })) === 0) {
      await db().$transaction((tx) => recordAudit(tx, { projectId: w.project.id, actorId: w.ben.id, action: "coding.create", entity: "Coding", entityId: w.benCost.id, after: { coderId: w.ben.id, documentId: w.doc1.id } }));
    }
    return (await handler("app/api/projects/[projectId]/live/route.ts", "GET"))(request(`/api/projects/${w.project.id}/live?after=0`, { signal: AbortSignal.timeout(1500) }), params({ projectId: w.project.id }));
  },
  "app/api/projects/[projectId]/findings/markdown/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/findings/markdown/route.ts", "GET"))(request(`/api/projects/${w.project.id}/findings/markdown?coders=any`), params({ projectId: w.project.id })),
  "app/api/projects/[projectId]/findings/docx/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/findings/docx/route.ts", "GET"))(request(`/api/projects/${w.project.id}/findings/docx?coders=any&showCoders=1`), params({ projectId: w.project.id })),
  "app/api/projects/[projectId]/imports/attributes/route.ts POST": async (w) =>
    (await handler("app/api/projects/[projectId]/imports/attributes/route.ts", "POST"))(request("/x", emptyUpload()), params({ projectId: w.project.id })),
  "app/api/projects/[projectId]/imports/transcripts/route.ts POST": async (w) =>
    (await handler("app/api/projects/[projectId]/imports/transcripts/route.ts", "POST"))(request("/x", emptyUpload()), params({ projectId: w.project.id })),
  // Transcript text, and hits on or off codings: that the coded filter ignores Ben's is tests/db/search/coded-filter.test.ts's.
  "app/api/projects/[projectId]/search/route.ts GET": async (w) =>
    (await handler("app/api/projects/[projectId]/search/route.ts", "GET"))(request(`/api/projects/${w.project.id}/search?q=${encodeURIComponent('"a"')}&mode=phrase&coded=yes&analyst=${w.ben.id}`), params({ projectId: w.project.id })),
  "app/projects/[projectId]/rigour/agreement/export/route.ts GET": async (w) => {
    const get = await handler("app/projects/[projectId]/rigour/agreement/export/route.ts", "GET");
    const coders = `${w.ana.id},${w.ben.id}`;
    return Promise.all(
      ["csv", "xlsx", "txt"].map((format) => get(request(`/projects/${w.project.id}/rigour/agreement/export?format=${format}&coders=${coders}&unit=segment`), params({ projectId: w.project.id }))),
    );
  },
};

// Inputs aimed at Ben's work: his codings' ids, his finding pins, his decision.
const ACTIONS: Record<string, Call | Exempt> = {
  "lib/account/actions.ts changePasswordAction": async () => (await action("lib/account/actions.ts", "changePasswordAction"))({ currentPassword: "wrong password", newPassword: "a new password 123" }),
  "lib/account/actions.ts revokeSessionAction": async (w) => (await action("lib/account/actions.ts", "revokeSessionAction"))({ sessionId: w.benSession.id }),
  "lib/account/actions.ts revokeOtherSessionsAction": async () => (await action("lib/account/actions.ts", "revokeOtherSessionsAction"))({}),
  "lib/account/actions.ts resetMemberPasswordAction": async (w) => (await action("lib/account/actions.ts", "resetMemberPasswordAction"))({ projectId: w.project.id, userId: w.ben.id }),
  // The case sheet is owner-only: the blind analyst and the viewer are refused before any read.
  "lib/cases/actions.ts createCaseAction": async (w) => (await action("lib/cases/actions.ts", "createCaseAction"))({ projectId: w.project.id, name: "Blind case" }),
  "lib/cases/actions.ts renameCaseAction": async (w) => (await action("lib/cases/actions.ts", "renameCaseAction"))({ projectId: w.project.id, caseId: w.doc1.id, name: "Renamed" }),
  "lib/cases/actions.ts deleteCaseAction": async (w) => (await action("lib/cases/actions.ts", "deleteCaseAction"))({ projectId: w.project.id, caseId: w.doc1.id }),
  "lib/cases/actions.ts setValueAction": async (w) => (await action("lib/cases/actions.ts", "setValueAction"))({ projectId: w.project.id, caseId: w.doc1.id, attributeId: w.cost.id, value: "x" }),
  "lib/cases/actions.ts linkDocumentAction": async (w) => (await action("lib/cases/actions.ts", "linkDocumentAction"))({ projectId: w.project.id, documentId: w.doc1.id, caseId: null }),
  "lib/cases/actions.ts createAttributeAction": async (w) => (await action("lib/cases/actions.ts", "createAttributeAction"))({ projectId: w.project.id, name: "Blind attribute", type: "text" }),
  "lib/cases/actions.ts renameAttributeAction": async (w) => (await action("lib/cases/actions.ts", "renameAttributeAction"))({ projectId: w.project.id, attributeId: w.cost.id, name: "Renamed" }),
  "lib/cases/actions.ts setAttributeDisplayNameAction": async (w) => (await action("lib/cases/actions.ts", "setAttributeDisplayNameAction"))({ projectId: w.project.id, attributeId: w.cost.id, displayName: "Cost in euros" }),
  "lib/cases/actions.ts previewRetypeAction": async (w) => (await action("lib/cases/actions.ts", "previewRetypeAction"))({ projectId: w.project.id, attributeId: w.cost.id, type: "number" }),
  "lib/cases/actions.ts retypeAttributeAction": async (w) => (await action("lib/cases/actions.ts", "retypeAttributeAction"))({ projectId: w.project.id, attributeId: w.cost.id, type: "number" }),
  "lib/cases/actions.ts deleteAttributeAction": async (w) => (await action("lib/cases/actions.ts", "deleteAttributeAction"))({ projectId: w.project.id, attributeId: w.cost.id }),
  // Auto-coding codes as the caller and counts only the caller's codings; Ben's run (its source a marker) is NOT_FOUND to others while blind.
  "lib/autocode/actions.ts previewBySpeakerAction": async (w) => (await action("lib/autocode/actions.ts", "previewBySpeakerAction"))({ projectId: w.project.id, codeId: w.community.id, role: "respondent" }),
  "lib/autocode/actions.ts applyBySpeakerAction": async (w) => (await action("lib/autocode/actions.ts", "applyBySpeakerAction"))({ projectId: w.project.id, codeId: w.community.id, role: "respondent" }),
  "lib/autocode/actions.ts previewByPatternAction": async (w) => (await action("lib/autocode/actions.ts", "previewByPatternAction"))({ projectId: w.project.id, codeId: w.cost.id, kind: "prefix", pattern: "Ben" }),
  "lib/autocode/actions.ts applyByPatternAction": async (w) => (await action("lib/autocode/actions.ts", "applyByPatternAction"))({ projectId: w.project.id, codeId: w.cost.id, kind: "regex", pattern: "^Ana", section: "section" }),
  "lib/autocode/actions.ts undoAutocodeBatchAction": async (w) => {
    const run = await prisma.codingBatch.create({ data: { projectId: w.project.id, actorId: w.ben.id, codeId: w.cost.id, kind: "speaker", source: { summary: "BEN-SECRET-RUN" } } });
    return (await action("lib/autocode/actions.ts", "undoAutocodeBatchAction"))({ projectId: w.project.id, batchId: run.id });
  },
  "lib/codes/actions.ts createCodeAction": async (w) => (await action("lib/codes/actions.ts", "createCodeAction"))({ projectId: w.project.id, name: `Open code ${Math.random()}` }),
  "lib/codes/actions.ts updateCodeAction": async (w) => (await action("lib/codes/actions.ts", "updateCodeAction"))({ projectId: w.project.id, codeId: w.cost.id, name: "Renamed" }),
  "lib/codes/actions.ts moveCodeAction": async (w) => (await action("lib/codes/actions.ts", "moveCodeAction"))({ projectId: w.project.id, codeId: w.cost.id, parentId: null, position: 0 }),
  "lib/codes/actions.ts mergeCodesAction": async (w) => (await action("lib/codes/actions.ts", "mergeCodesAction"))({ projectId: w.project.id, sourceId: w.cost.id, targetId: w.community.id }),
  "lib/codes/actions.ts deleteCodeAction": async (w) => (await action("lib/codes/actions.ts", "deleteCodeAction"))({ projectId: w.project.id, codeId: w.cost.id }),
  "lib/codes/actions.ts restoreCodeAction": async (w) => (await action("lib/codes/actions.ts", "restoreCodeAction"))({ projectId: w.project.id, codeId: w.cost.id }),
  "lib/codes/actions.ts shiftCodeAction": async (w) => (await action("lib/codes/actions.ts", "shiftCodeAction"))({ projectId: w.project.id, codeId: w.cost.id, direction: "down" }),
  "lib/codes/actions.ts splitCodeAction": async (w) => (await action("lib/codes/actions.ts", "splitCodeAction"))({ projectId: w.project.id, codeId: w.cost.id, codingIds: [w.benCost.id], name: "Split off" }),
  "lib/codes/actions.ts codeCodingsAction": async (w) => (await action("lib/codes/actions.ts", "codeCodingsAction"))({ projectId: w.project.id, codeId: w.cost.id }),
  "lib/codes/actions.ts codeHistoryAction": async (w) => [
    await (await action("lib/codes/actions.ts", "codeHistoryAction"))({ projectId: w.project.id }),
    await (await action("lib/codes/actions.ts", "codeHistoryAction"))({ projectId: w.project.id, codeId: w.cost.id }),
  ],
  // Ana applies Ben's code to Ben's exact passage: she gets her own coding, never his.
  "lib/codings/actions.ts applyCodesAction": async (w) =>
    (await action("lib/codings/actions.ts", "applyCodesAction"))({ projectId: w.project.id, documentId: w.doc1.id, codeIds: [w.cost.id], ...span("The cost") }),
  "lib/codings/actions.ts updateCodingAction": async (w) => (await action("lib/codings/actions.ts", "updateCodingAction"))({ projectId: w.project.id, codingId: w.benCost.id, version: 1, memo: "x" }),
  "lib/codings/actions.ts deleteCodingAction": async (w) => (await action("lib/codings/actions.ts", "deleteCodingAction"))({ projectId: w.project.id, codingId: w.benCost.id, version: 1 }),
  "lib/findings/actions.ts createFindingAction": async (w) => (await action("lib/findings/actions.ts", "createFindingAction"))({ projectId: w.project.id, statement: "New finding", figure: null, statedValue: null }),
  // A stale version: the refusal carries the finding as it is now.
  "lib/findings/actions.ts updateFindingAction": async (w) => (await action("lib/findings/actions.ts", "updateFindingAction"))({ projectId: w.project.id, findingId: w.finding.id, version: 99, statement: "x" }),
  "lib/findings/actions.ts deleteFindingAction": async (w) => (await action("lib/findings/actions.ts", "deleteFindingAction"))({ projectId: w.project.id, findingId: w.finding.id, version: 99 }),
  "lib/findings/actions.ts reorderFindingsAction": async (w) => (await action("lib/findings/actions.ts", "reorderFindingsAction"))({ projectId: w.project.id, findingIds: [w.finding.id, "cmissing0000000000000000"] }),
  "lib/findings/actions.ts pinEvidenceAction": async (w) => {
    const pin = await action("lib/findings/actions.ts", "pinEvidenceAction");
    return [await pin({ projectId: w.project.id, findingId: w.finding.id, codingId: w.benCommunity.id }), await pin({ projectId: w.project.id, findingId: w.finding.id, codingId: w.anaCost.id })];
  },
  "lib/findings/actions.ts unpinEvidenceAction": async (w) => (await action("lib/findings/actions.ts", "unpinEvidenceAction"))({ projectId: w.project.id, findingId: w.finding.id, codingId: w.benCost.id }),
  // A copy of the codebook only (codes, not codings): the answer is the new project's id, name and code count.
  "lib/projects/actions.ts createProjectAction": async (w) => (await action("lib/projects/actions.ts", "createProjectAction"))({ name: "Copied study", codebookFrom: w.project.id }),
  "lib/projects/actions.ts changeMemberRoleAction": async (w) => (await action("lib/projects/actions.ts", "changeMemberRoleAction"))({ projectId: w.project.id, userId: w.ben.id, role: "viewer" }),
  "lib/projects/actions.ts removeMemberAction": async (w) => (await action("lib/projects/actions.ts", "removeMemberAction"))({ projectId: w.project.id, userId: w.ben.id }),
  "lib/projects/actions.ts updateProjectAction": async (w) => (await action("lib/projects/actions.ts", "updateProjectAction"))({ projectId: w.project.id, name: "Renamed", description: "" }),
  "lib/projects/actions.ts archiveProjectAction": async (w) => (await action("lib/projects/actions.ts", "archiveProjectAction"))({ projectId: w.project.id, archived: true }),
  "lib/projects/actions.ts deleteProjectAction": async (w) => (await action("lib/projects/actions.ts", "deleteProjectAction"))({ projectId: w.project.id, confirmName: "x" }),
  "lib/projects/actions.ts restoreProjectAction": async (w) => (await action("lib/projects/actions.ts", "restoreProjectAction"))({ projectId: w.project.id }),
  "lib/memos/actions.ts createMemoAction": async (w) => (await action("lib/memos/actions.ts", "createMemoAction"))({ projectId: w.project.id, target: { kind: "document", id: w.doc1.id }, body: "A note of my own" }),
  "lib/memos/actions.ts updateMemoAction": async (w) => {
    const memo = await prisma.memo.findFirstOrThrow({ where: { body: "BEN-SECRET-NOTE" } });
    return (await action("lib/memos/actions.ts", "updateMemoAction"))({ projectId: w.project.id, memoId: memo.id, body: "overwritten", updatedAt: memo.updatedAt.toISOString() });
  },
  "lib/memos/actions.ts deleteMemoAction": async (w) =>
    (await action("lib/memos/actions.ts", "deleteMemoAction"))({ projectId: w.project.id, memoId: (await prisma.memo.findFirstOrThrow({ where: { body: "BEN-SECRET-DOCUMENT-NOTE" } })).id }),
  "lib/projects/actions.ts copyCodebookAction": async (w) => (await action("lib/projects/actions.ts", "copyCodebookAction"))({ projectId: w.project.id, targetProjectId: w.project.id }),
  "lib/projects/actions.ts inviteMemberAction": async (w) => (await action("lib/projects/actions.ts", "inviteMemberAction"))({ projectId: w.project.id, email: w.ben.email, role: "viewer" }),
  "lib/rigour/actions.ts assignDocumentsAction": async (w) =>
    (await action("lib/rigour/actions.ts", "assignDocumentsAction"))({ projectId: w.project.id, documentIds: [w.doc1.id], userIds: [w.ben.id] }),
  "lib/rigour/actions.ts unassignDocumentAction": async (w) => (await action("lib/rigour/actions.ts", "unassignDocumentAction"))({ projectId: w.project.id, documentId: w.doc1.id, userId: w.ben.id }),
  "lib/rigour/actions.ts markDoneAction": async (w) => (await action("lib/rigour/actions.ts", "markDoneAction"))({ projectId: w.project.id, documentId: w.doc1.id, done: true }),
  "lib/rigour/actions.ts setProjectBlindAction": async (w) => (await action("lib/rigour/actions.ts", "setProjectBlindAction"))({ projectId: w.project.id, blind: false }),
  "lib/rigour/actions.ts setDocumentsBlindAction": async (w) => (await action("lib/rigour/actions.ts", "setDocumentsBlindAction"))({ projectId: w.project.id, documentIds: [w.doc1.id], blind: false }),
  "lib/rigour/actions.ts decideAction": async (w) =>
    (await action("lib/rigour/actions.ts", "decideAction"))({
      projectId: w.project.id,
      documentId: w.doc1.id,
      codeId: w.cost.id,
      coderIds: [w.ana.id, w.ben.id],
      kind: "accept_both",
      sourceCodingIds: [w.anaCost.id, w.benCost.id],
    }),
  "lib/rigour/actions.ts undoDecisionAction": async (w) => (await action("lib/rigour/actions.ts", "undoDecisionAction"))({ projectId: w.project.id, decisionId: w.decisionId }),
  // Owner-only: the blind analyst and the viewer are refused before anything is read.
  "lib/search/actions.ts setSearchLanguageAction": async (w) => (await action("lib/search/actions.ts", "setSearchLanguageAction"))({ projectId: w.project.id, language: "simple" }),
  "lib/search/actions.ts saveSearchAction": async (w) => (await action("lib/search/actions.ts", "saveSearchAction"))({ projectId: w.project.id, name: "Blind search", params: `q=cost&coded=yes&analyst=${w.ben.id}` }),
  "lib/search/actions.ts previewSearchAutocodeAction": async (w) => (await action("lib/search/actions.ts", "previewSearchAutocodeAction"))({ projectId: w.project.id, params: `q=cost&coded=yes&analyst=${w.ben.id}`, codeId: w.cost.id, extent: "hit", hits: "all" }),
  "lib/search/actions.ts applySearchAutocodeAction": async (w) => (await action("lib/search/actions.ts", "applySearchAutocodeAction"))({ projectId: w.project.id, params: `q=cost&coded=yes&analyst=${w.ben.id}`, codeId: w.cost.id, extent: "hit", hits: "all" }),
  "lib/search/actions.ts deleteSavedSearchAction": async (w) => (await action("lib/search/actions.ts", "deleteSavedSearchAction"))({ projectId: w.project.id, savedSearchId: "missing" }),
  // Transcript correction: a preview or a correction answers the blind analyst with counts of her own codings only
  // (the one below changes nothing: same text, same speaker); Ben's review flags are NOT_FOUND to her.
  "lib/transcripts/correction/actions.ts previewCorrectionAction": async (w) => (await action("lib/transcripts/correction/actions.ts", "previewCorrectionAction"))({ projectId: w.project.id, documentId: w.doc1.id, version: 1, turnIndex: 0, text: "The costs of the cloud were the main thing.", speaker: "Ana" }),
  "lib/transcripts/correction/actions.ts correctTurnAction": async (w) => (await action("lib/transcripts/correction/actions.ts", "correctTurnAction"))({ projectId: w.project.id, documentId: w.doc1.id, version: 1, turnIndex: 0, text: "The cost of the cloud was the main thing.", speaker: "Ana" }),
  "lib/transcripts/correction/actions.ts resolveCorrectionAction": async (w) => {
    const flag = await prisma.codingCorrection.create({ data: { projectId: w.project.id, documentId: w.doc1.id, codingId: w.benCost.id, codeId: w.cost.id, coderId: w.ben.id, documentVersion: 1, status: "edited", oldStart: 0, oldEnd: 1, oldQuote: "BEN-SECRET-OLD-QUOTE", newQuote: "BEN-SECRET-NEW-QUOTE" } });
    return (await action("lib/transcripts/correction/actions.ts", "resolveCorrectionAction"))({ projectId: w.project.id, correctionId: flag.id, action: "delete" });
  },
  "lib/transcripts/correction/actions.ts replaceCodingAction": async (w) => {
    const flag = await prisma.codingCorrection.create({ data: { projectId: w.project.id, documentId: w.doc1.id, codingId: "BEN-SECRET-DETACHED", codeId: w.cost.id, coderId: w.ben.id, documentVersion: 1, status: "detached", oldStart: 0, oldEnd: 1, oldQuote: "BEN-SECRET-OLD-QUOTE", snapshot: { coding: { id: "BEN-SECRET-DETACHED", memo: "BEN-SECRET-MEMO" }, memos: [], evidence: [], star: null } } });
    return (await action("lib/transcripts/correction/actions.ts", "replaceCodingAction"))({ projectId: w.project.id, correctionId: flag.id, ...span("The cost") });
  },
  "lib/transcripts/correction/actions.ts setCorrectionRoleAction": async (w) => (await action("lib/transcripts/correction/actions.ts", "setCorrectionRoleAction"))({ projectId: w.project.id, role: "owner" }),
  "lib/stars/actions.ts starQuoteAction": async (w) => (await action("lib/stars/actions.ts", "starQuoteAction"))({ projectId: w.project.id, codingIds: [w.benCommunity.id] }),
  "lib/stars/actions.ts unstarQuoteAction": async (w) => (await action("lib/stars/actions.ts", "unstarQuoteAction"))({ projectId: w.project.id, codingIds: [w.benCost.id] }),
  // The history leaves Ben's coding work out for blind readers: restoring his deleted coding, or reading his codings' history, is NOT_FOUND.
  "lib/history/actions.ts restoreFromHistoryAction": async (w) => {
    const before = { id: "BEN-SECRET-DELETED", documentId: w.doc1.id, codeId: w.cost.id, coderId: w.ben.id, ...span("The cost"), quote: "The cost", memo: "BEN-SECRET-DELETED-MEMO" };
    const event = await prisma.auditEvent.create({ data: { projectId: w.project.id, actorId: w.ben.id, action: "coding.delete", entity: "Coding", entityId: before.id, before } });
    return (await action("lib/history/actions.ts", "restoreFromHistoryAction"))({ projectId: w.project.id, eventId: event.id.toString() });
  },
  "lib/history/actions.ts codingHistoryAction": async (w) => [
    await (await action("lib/history/actions.ts", "codingHistoryAction"))({ projectId: w.project.id, codingId: w.benCost.id }),
    await (await action("lib/history/actions.ts", "codingHistoryAction"))({ projectId: w.project.id, codingId: "BEN-SECRET-DELETED" }),
    await (await action("lib/history/actions.ts", "codingHistoryAction"))({ projectId: w.project.id, codingId: w.anaCost.id }),
  ],
};

// Answers that name the analysts compared, who are on the team (member names are not hidden
// by blind coding; their work, counts and addresses are).
const TEAM_ANSWERS = new Set(["app/projects/[projectId]/rigour/agreement/export/route.ts GET"]);

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && match(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

async function discovered() {
  const routes: string[] = [];
  for (const file of filesUnder("app", (n) => n === "route.ts")) {
    const mod = await import(path.join(root, file));
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) if (method in mod) routes.push(`${file} ${method}`);
  }
  const actions: string[] = [];
  for (const file of filesUnder("lib", (n) => n === "actions.ts")) {
    const mod = await import(path.join(root, file));
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") actions.push(`${file} ${name}`);
  }
  return { routes: routes.sort(), actions: actions.sort() };
}

let w: BlindWorld;
beforeAll(async () => {
  w = await blindWorld(prisma);
});

describe("blind mode has no back door", () => {
  it("lists every route handler and every server action on disk (add a new one here, with its call)", async () => {
    const found = await discovered();
    expect(found.routes).toEqual(Object.keys(ROUTES).sort());
    expect(found.actions).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const persona of ["ana", "vic"] as const) {
    it(`answers ${persona === "ana" ? "a blind analyst" : "a viewer"} on every route and action without Ben's work`, async () => {
      session.user = as(w[persona]);
      session.sessionId = (await prisma.userSession.create({ data: { userId: w[persona].id } })).id;
      const leaks: string[] = [];
      for (const [name, call] of [...Object.entries(ROUTES), ...Object.entries(ACTIONS)]) {
        if ("exempt" in call) continue;
        const answers = [await call(w)].flat();
        const text = (await Promise.all(answers.map(readable))).join("\n");
        const markers = TEAM_ANSWERS.has(name) ? w.markers.filter((m) => m !== "Hiddenfeld") : w.markers;
        for (const marker of markers) if (text.includes(marker)) leaks.push(`${name}: ${marker} in ${text.slice(Math.max(0, text.indexOf(marker) - 120), text.indexOf(marker) + 60)}`);
      }
      expect(leaks).toEqual([]);
      // Nothing of Ben's was changed by the attempts.
      expect(await prisma.coding.count({ where: { id: { in: w.hiddenCodingIds } } })).toBe(2);
      expect(await prisma.findingEvidence.count({ where: { codingId: w.benCost.id } })).toBe(1);
      expect(await prisma.representativeQuote.count({ where: { codingId: w.benCost.id } })).toBe(1);
      expect(await prisma.backgroundJob.count({ where: { id: w.benJob.id, seenAt: null } })).toBe(1);
      expect(await prisma.userSession.count({ where: { id: w.benSession.id, revokedAt: null } })).toBe(1);
    });
  }

  it("the same calls as the owner do carry Ben's work, so the detector above can see a leak", async () => {
    session.user = as(w.olivia);
    const qdpx = await readable(await (ROUTES["app/api/projects/[projectId]/export/[format]/route.ts GET"] as Call)(w).then((r) => (r as Response[])[0]));
    for (const marker of [refiGuid("coding", w.benCost.id), refiGuid("selection", w.benCommunity.id), "BEN-SECRET-NOTE", "BEN-SECRET-CODING-MEMO", "Hiddenfeld", w.ben.email]) expect(qdpx).toContain(marker);
    const csv = await readable(await (ROUTES["app/api/projects/[projectId]/codings/[format]/route.ts GET"] as Call)(w).then((r) => (r as Response[])[0]));
    expect(csv).toContain("Hiddenfeld");
    expect(await readable((await (ROUTES["app/api/projects/[projectId]/live/route.ts GET"] as Call)(w)) as Response)).toContain(w.benCost.id);
    for (const route of ["app/api/projects/[projectId]/export/slice/route.ts GET", "app/api/projects/[projectId]/export/theme-quotes/route.ts GET"])
      for (const answer of (await (ROUTES[route] as Call)(w)) as Response[]) expect(await readable(answer)).toContain("Hiddenfeld");
  });
});
