import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { SearchForm } from "@/components/search/search-form";
import { SaveSearchForm } from "@/components/search/save-search-form";
import { SavedSearches } from "@/components/search/saved-searches";
import { SearchAutocode } from "@/components/search/search-autocode";
import { SearchLanguageForm } from "@/components/search/search-language-form";
import { SearchResults } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { AppError } from "@/lib/errors";
import { requireProjectMember } from "@/lib/projects/page-access";
import { searchLanguages, searchPageContext, searchProject, type SearchResult } from "@/lib/search/data";
import { readScope } from "@/lib/rigour/blind";
import { AUTOCODE_FORM } from "@/lib/search/limits";
import { listSavedSearches } from "@/lib/search/saved";
import { searchParamsObject, searchQueryParams, searchQuerySchema } from "@/lib/search/schema";

export const metadata: Metadata = { title: "Search" };

type Search = Record<string, string | string[] | undefined>;

/** Full-text search over the project's transcripts, hits as keywords in context (lib/search). */
export default async function SearchPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const { user, role, archived } = await requireProjectMember(projectId, `/projects/${projectId}/search`);
  const raw = searchParamsObject(await searchParams);
  const scope = await readScope(projectId, { id: user.id, role });
  const { name, documents, categories, codes, analysts } = await searchPageContext(projectId, scope);
  const parsed = raw.q?.trim() ? searchQuerySchema.safeParse(raw) : null;

  let result: SearchResult | null = null;
  let problem: string | null = parsed && !parsed.success ? (parsed.error.issues[0]?.message ?? "That search is not valid.") : null;
  if (parsed?.success) {
    try {
      result = await searchProject(projectId, parsed.data, scope);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "INTERNAL") throw error;
      problem = error.message;
    }
  }
  const query = parsed?.success ? parsed.data : null;
  const saved = await listSavedSearches(projectId, scope);
  const mayEdit = role !== "viewer" && !archived;
  const href = (page: number) => {
    const next = query ? searchQueryParams(query) : new URLSearchParams();
    if (page > 1) next.set("page", String(page));
    return `/projects/${projectId}/search?${next}`;
  };

  return (
    <>
      <AppHeader user={user}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{name}</Link> / <span className="text-stone-900">Search</span>
      </AppHeader>
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <h1 className="text-2xl font-semibold">Search the transcripts</h1>
        {role === "owner" && !archived && <SearchLanguageForm projectId={projectId} {...await searchLanguages(projectId)} />}
        <SearchForm projectId={projectId} q={raw.q ?? ""} mode={query?.mode ?? raw.mode ?? "words"} speaker={query?.speaker ?? raw.speaker ?? "all"} chosen={query?.documents ?? []} documents={documents}
          caseValue={raw.case ?? ""} categories={categories}
          coded={{ filter: query?.coded ?? raw.coded ?? "any", code: query?.code ?? raw.code ?? "", analyst: query?.analyst ?? raw.analyst ?? "" }} codes={codes} analysts={analysts} />
        {problem && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{problem}</p>}
        {!raw.q?.trim() && <EmptyState>Type a word or phrase above to find every place it is said across the {documents.length} interviews.</EmptyState>}
        {result && result.totalHits === 0 && <EmptyState>No matches. Try fewer words, Any word, or the beginning of a word.</EmptyState>}
        {result && query && mayEdit && <SaveSearchForm projectId={projectId} params={searchQueryParams(query).toString()} suggestion={query.q} />}
        {result && query && mayEdit && result.totalHits > 0 && <SearchAutocode projectId={projectId} params={searchQueryParams(query).toString()} total={result.totalHits} />}
        {result && result.totalHits > 0 && <SearchResults projectId={projectId} result={result} href={href} tickForm={mayEdit ? AUTOCODE_FORM : undefined} />}
        <SavedSearches projectId={projectId} saved={saved.map((s) => ({ ...s, mayDelete: mayEdit && (role === "owner" || s.createdById === user.id) }))} />
      </main>
    </>
  );
}
