import type { Metadata } from "next";
import Link from "next/link";
import { BackupRestore } from "@/components/imports/backup-restore";
import { RefiImport } from "@/components/imports/refi-import";
import { AppHeader } from "@/components/layout/app-header";
import { NewProjectForm } from "@/components/projects/new-project-form";
import { RestoreProjectButton } from "@/components/projects/project-lifecycle";
import { describeLimits } from "@/lib/interop/refi";
import { requireUser } from "@/lib/auth/session";
import { listProjectsForUser } from "@/lib/projects/data";
import { claimInvitations } from "@/lib/projects/invitations";
import { listRestorableProjects } from "@/lib/projects/lifecycle";
import { canCopyCodebookFrom } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Your projects" };

export default async function ProjectsPage() {
  const user = await requireUser("/projects");
  // Where everyone lands after signing in: invitations to their address become memberships.
  await claimInvitations(user);
  const [memberships, restorable] = await Promise.all([listProjectsForUser(user.id), listRestorableProjects(user.id)]);
  // Reading a codebook to copy it needs working in its project (lib/projects/mutations.ts).
  const codebookSources = memberships.filter((m) => canCopyCodebookFrom(m.role)).map(({ project }) => ({ id: project.id, name: project.name }));
  const active = memberships.filter((m) => m.project.archivedAt === null);
  const archived = memberships.filter((m) => m.project.archivedAt !== null);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Your projects</h1>
        <div className="mt-4">
          <NewProjectForm sources={codebookSources} />
        </div>
        {memberships.length === 0 ? (
          <p className="mt-6 rounded-lg border border-dashed border-stone-300 bg-white p-8 text-stone-600">
            You are not a member of any project yet. Start one with “New project”, or ask a project owner to add you to their study.
          </p>
        ) : (
          <ProjectList label="Projects" memberships={active} />
        )}
        {archived.length > 0 && (
          <section className="mt-10" aria-labelledby="archived-heading">
            <h2 id="archived-heading" className="text-lg font-semibold">Archived ({archived.length})</h2>
            <p className="mt-1 text-sm text-stone-600">Read-only for every member; an owner unarchives a project from its page.</p>
            <ProjectList label="Archived" memberships={archived} />
          </section>
        )}
        {restorable.length > 0 && (
          <section className="mt-10 max-w-2xl" aria-labelledby="deleted-heading">
            <h2 id="deleted-heading" className="text-lg font-semibold">Recently deleted</h2>
            <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm" aria-label="Recently deleted">
              {restorable.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <span>
                    <span className="font-medium">{p.name}</span>{" "}
                    <span className="text-stone-600">erased for good after {p.erasedAfter.toISOString().slice(0, 10)}</span>
                  </span>
                  <RestoreProjectButton projectId={p.id} name={p.name} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="mt-10 max-w-2xl" aria-labelledby="refi-heading">
          <h2 id="refi-heading" className="text-lg font-semibold">Bring a project from another tool</h2>
          <p className="mt-1 text-sm text-stone-600">
            Export your project from NVivo, ATLAS.ti, MAXQDA or QualCoder as REFI-QDA (.qdpx) and import it here: sources, codes, codings per coder, cases, variables and memos become a new project you own.
          </p>
          <div className="mt-3">
            <RefiImport limits={describeLimits()} />
          </div>
        </section>
        <section className="mt-10 max-w-2xl" aria-labelledby="restore-heading">
          <h2 id="restore-heading" className="text-lg font-semibold">Restore a backup</h2>
          <p className="mt-1 text-sm text-stone-600">
            A backup (downloaded from a project&apos;s page) comes back as a new project you own, with everything in it: documents, codes, every analyst&apos;s codings, memos, findings, assignments and adjudication. The original project is left as it is.
          </p>
          <div className="mt-3">
            <BackupRestore limits={describeLimits()} />
          </div>
        </section>
      </main>
    </>
  );
}

type Membership = Awaited<ReturnType<typeof listProjectsForUser>>[number];

function ProjectList({ label, memberships }: { label: string; memberships: Membership[] }) {
  return (
    <ul className="mt-6 grid gap-4 sm:grid-cols-2" aria-label={label}>
      {memberships.map(({ role, project }) => (
        <li key={project.id}>
          <Link href={`/projects/${project.id}`} className="block rounded-lg border border-stone-200 bg-white p-5 shadow-sm hover:border-teal-700">
            <span className="flex items-baseline justify-between gap-3">
              <span className="font-medium text-stone-900">{project.name}</span>
              <span className="rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-600">{role}</span>
            </span>
            <span className="mt-2 line-clamp-2 block text-sm text-stone-600">{project.description}</span>
            <span className="mt-3 block text-xs text-stone-600">
              {project._count.documents} documents · {project._count.cases} cases · {project._count.codes} codes
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
