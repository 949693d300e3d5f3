import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { pageOf } from "@/lib/analysis/paging";
import { InviteMemberForm } from "@/components/projects/invite-member-form";
import { MemberControls } from "@/components/projects/member-controls";
import { ProjectDetailsForm } from "@/components/projects/project-details-form";
import { ProjectLifecycle } from "@/components/projects/project-lifecycle";
import { CopyCodebookForm } from "@/components/projects/copy-codebook-form";
import { ResetMemberPassword } from "@/components/projects/reset-member-password";
import { flattenCodeTree } from "@/lib/codes/tree";
import { getProjectHome, listWritableOwnedProjects, MAX_CASE_NAMES } from "@/lib/projects/data";
import { recoveryDays } from "@/lib/projects/lifecycle";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canCopyCodebookFrom, canManageProject } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Project" };

type Search = { codes?: string; documents?: string };

const HOME_ROWS = 50;

export default async function ProjectHomePage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role, archived } = await requireProjectMember(projectId, `/projects/${projectId}`);
  const [project, copyTargets] = await Promise.all([getProjectHome(projectId, { id: user.id, role }), canCopyCodebookFrom(role) ? listWritableOwnedProjects(user.id, projectId) : null]);
  if (!project) notFound();
  const owner = canManageProject(role);
  // A page of each list (a codebook may hold 10,000 codes): see lib/analysis/paging.ts. Shorter
  // pages than the analysis tables: this is an overview, and 200 rows of each made most of the
  // page's server time at 300 interviews and 1,000 codes.
  const codes = pageOf(flattenCodeTree(project.codes), search.codes, HOME_ROWS);
  const documents = pageOf(project.documents, search.documents, HOME_ROWS);
  const href = (key: keyof Search) => (page: number) => `/projects/${projectId}?${new URLSearchParams({ ...search, [key]: String(page) })}`;

  return (
    <>
      <AppHeader user={user} projectId={projectId}>
        <Link href="/projects" className="hover:underline">Projects</Link> / <span className="text-stone-900">{project.name}</span>
      </AppHeader>
      <main className="mx-auto max-w-6xl px-6 py-8">
        <div className="flex items-baseline justify-between gap-4">
          <h1 className="text-2xl font-semibold">{project.name}</h1>
          <form method="get" action={`/projects/${project.id}/search`} role="search" aria-label="Search the transcripts" className="ml-auto flex gap-2 text-sm">
            <input type="search" name="q" required aria-label="Search the transcripts" placeholder="Search transcripts" className="w-56 rounded border border-stone-400 px-2 py-1" />
            <button type="submit" className="rounded border border-teal-800 px-3 py-1 font-medium text-teal-800 hover:bg-teal-50">Search</button>
          </form>
          <span className="rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-600">You are {role === "owner" ? "an owner" : `an ${role}`.replace("an viewer", "a viewer")}</span>
        </div>
        {archived && (
          <p role="note" className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            This project is archived: everyone can read it, nobody can change it.{owner ? " Unarchive it below to work in it again." : " An owner can unarchive it."}
          </p>
        )}
        {project.description && <p className="mt-2 max-w-3xl text-stone-700">{project.description}</p>}
        {owner && !archived && <ProjectDetailsForm projectId={project.id} name={project.name} description={project.description} />}
        {copyTargets && project.codes.length > 0 && <CopyCodebookForm projectId={project.id} targets={copyTargets} />}
        {owner && <ProjectLifecycle projectId={project.id} name={project.name} archived={archived} recoveryDays={recoveryDays()} />}
        <nav aria-label="Project tools" className="mt-4 flex flex-wrap gap-4 text-sm">
          <Link href={`/projects/${project.id}/codebook`} className="font-medium text-teal-800 underline">Codebook</Link>
          <Link href={`/projects/${project.id}/autocode`} className="font-medium text-teal-800 underline">Auto-coding</Link>
          <Link href={`/projects/${project.id}/summaries`} className="font-medium text-teal-800 underline">Theme summaries</Link>
          <Link href={`/projects/${project.id}/findings`} className="font-medium text-teal-800 underline">Findings report</Link>
          <Link href={`/projects/${project.id}/cases`} className="font-medium text-teal-800 underline">Cases and attributes</Link>
          <Link href={`/projects/${project.id}/memos`} className="font-medium text-teal-800 underline">Memos and journal</Link>
          <Link href={`/projects/${project.id}/history`} className="font-medium text-teal-800 underline">History: who changed what</Link>
          <Link href={`/projects/${project.id}/rigour`} className="font-medium text-teal-800 underline">Rigour: double coding and agreement</Link>
          <a href={`/api/projects/${project.id}/export/qdpx`} className="text-teal-800 underline">Download project (REFI-QDA .qdpx)</a>
          <a href={`/api/projects/${project.id}/export/qdc`} className="text-teal-800 underline">Download codebook (.qdc)</a>
          <Link href={`/projects/${project.id}/exports`} className="text-teal-800 underline">Export codings or quotes of a code, interview or case</Link>
          {owner && <a href={`/api/projects/${project.id}/backup`} className="text-teal-800 underline">Download backup (.zip)</a>}
        </nav>

        <div className="mt-8 grid gap-8 lg:grid-cols-3">
          <section aria-labelledby="documents-heading" className="lg:col-span-2">
            <div className="flex items-baseline justify-between">
              <h2 id="documents-heading" className="text-lg font-semibold">Documents ({project.documents.length})</h2>
              {owner && <Link href={`/projects/${project.id}/import`} className="text-sm text-teal-800 underline">Import transcripts</Link>}
            </div>
            {project.documents.length === 0 ? (
              <EmptyState>{owner ? "No transcripts yet. Import interview transcripts (Word, text, Zoom/Teams/Otter captions, PDF) to start coding." : "No transcripts yet. A project owner imports them."}</EmptyState>
            ) : (
              <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Documents">
                {documents.rows.map((d) => (
                  <li key={d.id}>
                    <Link href={`/projects/${project.id}/documents/${d.id}`} className="flex items-baseline justify-between gap-4 px-4 py-2.5 hover:bg-stone-50">
                      <span className="font-medium">{d.title}</span>
                      <span className="shrink-0 text-xs text-stone-500">
                        {d.case?.name ?? "no case"} · {d.codings} codings
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <Pager paged={documents} noun="documents" href={href("documents")} />
          </section>

          <div className="space-y-8">
            <section aria-labelledby="codes-heading">
              <h2 id="codes-heading" className="text-lg font-semibold">Codes ({project.codes.length})</h2>
              {project.codes.length === 0 ? (
                <EmptyState>{owner ? "No codes yet. Create the themes of your codebook to start coding." : "No codes yet. A project owner creates the codebook."}</EmptyState>
              ) : (
                <ul className="mt-3 space-y-1 text-sm" aria-label="Codes">
                  {codes.rows.map((c) => (
                    <li key={c.id} className={`flex items-center gap-2 ${c.childCount > 0 ? "font-medium" : ""}`} style={{ paddingLeft: `${c.depth * 1.25}rem` }}>
                      <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: c.colour }} aria-hidden />
                      <span>{c.name}</span>
                      <span className="ml-auto text-xs text-stone-500">{c.codings}</span>
                    </li>
                  ))}
                </ul>
              )}
              <Pager paged={codes} noun="codes" href={href("codes")} testId="codes-pager" />
            </section>

            <section aria-labelledby="cases-heading">
              <h2 id="cases-heading" className="text-lg font-semibold">Cases ({project.caseCount})</h2>
              {project.caseCount === 0 ? (
                <EmptyState>No cases yet. Each interviewee or team becomes a case when you import transcripts or a case sheet.</EmptyState>
              ) : (
                <p className="mt-2 text-sm text-stone-700">
                  {project.cases.map((c) => c.name).join(", ")}
                  {project.caseCount > MAX_CASE_NAMES && ` and ${(project.caseCount - MAX_CASE_NAMES).toLocaleString("en")} more`}
                </p>
              )}
            </section>

            <section aria-labelledby="members-heading">
              <h2 id="members-heading" className="text-lg font-semibold">Members ({project.memberships.length})</h2>
              <ul className="mt-2 space-y-1 text-sm" aria-label="Members">
                {project.memberships.map((m) => (
                  <li key={m.user.id} className="flex justify-between gap-2">
                    <span>{m.user.name} <span className="text-stone-500">{m.user.email}</span></span>
                    <span className="text-xs text-stone-500">
                      {owner ? <MemberControls projectId={project.id} member={{ id: m.user.id, name: m.user.name, role: m.role }} isMe={m.user.id === user.id} /> : m.role}
                      {owner && m.user.id !== user.id && <ResetMemberPassword projectId={project.id} userId={m.user.id} email={m.user.email} />}
                    </span>
                  </li>
                ))}
              </ul>
              {owner && <InviteMemberForm projectId={project.id} />}
            </section>
          </div>
        </div>
      </main>
    </>
  );
}
