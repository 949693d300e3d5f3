import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import type { CurrentUser } from "@/lib/auth/session";

export type RigourSection = "overview" | "assignments" | "queue" | "agreement" | "disagreements" | "blind";

const SECTIONS: { id: RigourSection; label: string; path: string }[] = [
  { id: "overview", label: "Overview", path: "" },
  { id: "assignments", label: "Assignments", path: "/assignments" },
  { id: "queue", label: "My queue", path: "/queue" },
  { id: "agreement", label: "Agreement", path: "/agreement" },
  { id: "disagreements", label: "Disagreements & adjudication", path: "/disagreements" },
  { id: "blind", label: "Blind mode", path: "/blind" },
];

/** The header, breadcrumb, title and tabs every page of the Rigour area shares. */
export function RigourHeader({ user, project, section, blind, children }: {
  user: CurrentUser;
  project: { id: string; name: string };
  section: RigourSection;
  /** Whether blind mode is on anywhere in the project, shown as a badge. */
  blind: boolean;
  children?: ReactNode;
}) {
  const base = `/projects/${project.id}/rigour`;
  const current = SECTIONS.find((s) => s.id === section)!;
  return (
    <>
      <AppHeader user={user} projectId={project.id}>
        <Link href="/projects" className="hover:underline">Projects</Link> /{" "}
        <Link href={`/projects/${project.id}`} className="hover:underline">{project.name}</Link> /{" "}
        {section === "overview" ? <span className="text-stone-900">Rigour</span> : <><Link href={base} className="hover:underline">Rigour</Link> / <span className="text-stone-900">{current.label}</span></>}
      </AppHeader>
      <div className="mx-auto max-w-6xl px-6 pt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h1 className="text-2xl font-semibold">{section === "overview" ? "Rigour: double coding and agreement" : current.label}</h1>
          {blind && (
            <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" data-testid="blind-badge">
              Blind mode is on
            </span>
          )}
        </div>
        {children}
        <nav aria-label="Rigour" className="mt-4 flex flex-wrap gap-1 border-b border-stone-200 text-sm">
          {SECTIONS.map((s) => (
            <Link
              key={s.id}
              href={`${base}${s.path}`}
              aria-current={s.id === section ? "page" : undefined}
              className={`-mb-px rounded-t border px-3 py-2 ${s.id === section ? "border-stone-200 border-b-white bg-white font-medium text-teal-900" : "border-transparent text-stone-600 hover:text-teal-800"}`}
            >
              {s.label}
            </Link>
          ))}
        </nav>
      </div>
    </>
  );
}
