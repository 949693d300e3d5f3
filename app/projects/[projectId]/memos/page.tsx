import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { edited, memoDate } from "@/components/memos/format";
import { MemoCard } from "@/components/memos/memo-card";
import { MemoForm } from "@/components/memos/memo-form";
import { MemoMarkdown } from "@/components/memos/memo-markdown";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requestedPage } from "@/lib/analysis/paging";
import { listProjectMemos, memosProjectName, type MemoItem } from "@/lib/memos/data";
import { MEMO_KIND_LABELS, MEMO_KINDS, type MemoKind } from "@/lib/memos/limits";
import { canDeleteMemo, canEditMemo, canWriteMemo } from "@/lib/memos/permissions";
import { requireProjectMember } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Memos" };

type Search = { kind?: string; author?: string; q?: string; page?: string };

/** Every memo the reader may see, newest first, filtered by kind, author and text; and the project journal's form. */
export default async function MemosPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/memos`);
  const viewer = { id: user.id, role };
  const kind = MEMO_KINDS.includes(search.kind as MemoKind) ? (search.kind as MemoKind) : undefined;
  const text = search.q?.trim().slice(0, 200) || undefined;
  const [name, { memos, window, authors }] = await Promise.all([
    memosProjectName(projectId),
    listProjectMemos(projectId, viewer, { kind, authorId: search.author || undefined, text, page: requestedPage(search.page) }),
  ]);
  const href = (page: number) => `/projects/${projectId}/memos?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(search.author ? { author: search.author } : {}), ...(text ? { q: text } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  const filtered = Boolean(kind || search.author || text);
  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{name}</Link> / <span className="text-stone-900">Memos</span>
      </AppHeader>
      <main className="mx-auto max-w-4xl space-y-8 px-6 py-8">
        <h1 className="text-2xl font-semibold">Memos</h1>
        {canWriteMemo(role) && (
          <section aria-labelledby="journal-form" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="journal-form" className="mb-2 text-lg font-semibold">Write in the project journal</h2>
            <MemoForm projectId={projectId} target={{ kind: "journal" }} label="New journal memo" />
          </section>
        )}
        <section aria-labelledby="all-memos" className="space-y-3">
          <h2 id="all-memos" className="text-lg font-semibold">All memos</h2>
          <form method="get" aria-label="Filter memos" className="flex flex-wrap items-end gap-3 text-sm">
            <label className="flex flex-col">
              <span className="text-xs text-stone-600">About</span>
              <select name="kind" defaultValue={kind ?? ""} className="rounded border border-stone-300 px-2 py-1">
                <option value="">anything</option>
                {MEMO_KINDS.map((k) => <option key={k} value={k}>{MEMO_KIND_LABELS[k]}</option>)}
              </select>
            </label>
            <label className="flex flex-col">
              <span className="text-xs text-stone-600">Author</span>
              <select name="author" defaultValue={search.author ?? ""} className="rounded border border-stone-300 px-2 py-1">
                <option value="">anyone</option>
                {authors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </label>
            <label className="flex flex-col">
              <span className="text-xs text-stone-600">Title or text contains</span>
              <input type="search" name="q" defaultValue={text ?? ""} maxLength={200} className="rounded border border-stone-300 px-2 py-1" />
            </label>
            <button type="submit" className="rounded border border-stone-300 px-3 py-1">Filter</button>
            {filtered && <Link href={`/projects/${projectId}/memos`} className="self-center text-teal-800 underline">Show all</Link>}
          </form>
          <p className="text-sm text-stone-600" role="status">{window.total.toLocaleString("en")} memo{window.total === 1 ? "" : "s"}{filtered ? " match" : ""}.</p>
          {memos.length === 0 ? (
            <EmptyState>{filtered ? "No memo matches these filters." : "No memos yet. Write one in the journal above, or on a document, a theme or a case."}</EmptyState>
          ) : (
            <ul className="space-y-3">
              {memos.map((m) => (
                <li key={`${m.source}-${m.id}`}>
                  <MemoCard
                    projectId={projectId}
                    memo={{ id: m.id, title: m.title || (m.source === "coding" ? "Memo on a coding" : ""), body: m.body, authorName: m.authorName, created: memoDate(m.createdAt), updated: edited(m.createdAt, m.updatedAt), createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() }}
                    canEdit={m.source === "memo" && canEditMemo(role, user.id, m.authorId)}
                    canDelete={m.source === "memo" && canDeleteMemo(role, user.id, m.authorId)}
                    about={<About projectId={projectId} memo={m} />}
                  >
                    <MemoMarkdown body={m.body} />
                  </MemoCard>
                </li>
              ))}
            </ul>
          )}
          <Pager paged={window} noun="memos" href={href} testId="memos-pager" />
        </section>
      </main>
    </>
  );
}

function About({ projectId, memo }: { projectId: string; memo: MemoItem }) {
  const p = `/projects/${projectId}`;
  const link = "text-teal-800 underline";
  switch (memo.kind) {
    case "journal":
      return <>Project journal</>;
    case "document":
      return <>On the document <Link href={`${p}/documents/${memo.documentId}`} className={link}>{memo.documentTitle}</Link></>;
    case "code":
      return <>On the code <Link href={`${p}/themes/${memo.codeId}`} className={link}>{memo.codeName}</Link></>;
    case "case":
      return <>On the case <Link href={`${p}/cases`} className={link}>{memo.caseName}</Link></>;
    case "coding":
      return (
        <>
          On a coding of <Link href={`${p}/themes/${memo.codeId}`} className={link}>{memo.codeName}</Link> in{" "}
          <Link href={`${p}/documents/${memo.documentId}?coding=${memo.codingId}`} className={link}>{memo.documentTitle}</Link>
          {memo.source === "coding" && " (edit it in the transcript)"}
        </>
      );
  }
}
