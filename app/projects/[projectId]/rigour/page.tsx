import type { Metadata } from "next";
import Link from "next/link";
import { RigourHeader } from "@/components/rigour/rigour-header";
import { requireProjectMember } from "@/lib/projects/page-access";
import { getRigourBasics, getRigourOverview } from "@/lib/rigour/data";

export const metadata: Metadata = { title: "Rigour" };

export default async function RigourPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/rigour`);
  const [basics, overview] = await Promise.all([getRigourBasics(projectId), getRigourOverview(projectId)]);
  const blindDocuments = basics.documents.filter((d) => d.blindCoding).length;
  const base = `/projects/${projectId}/rigour`;
  const cards = [
    {
      href: `${base}/assignments`,
      title: "Assignments",
      text: overview.assignments === 0 ? "Nothing assigned yet. An owner assigns the same interviews to two analysts to double-code them." : `${overview.assignments} assignments, ${overview.done} marked done.`,
    },
    { href: `${base}/queue`, title: "My queue", text: role === "viewer" ? "Viewers are not assigned interviews." : "The interviews assigned to you; mark each done when you have coded it." },
    { href: `${base}/agreement`, title: "Agreement", text: "Percent agreement, Cohen's kappa and Krippendorff's alpha per code and overall, by document, speaker turn or character span; export as CSV or XLSX." },
    {
      href: `${base}/disagreements`,
      title: "Disagreements & adjudication",
      text: `Passages where two analysts differ, side by side; decide each into the consensus coding. ${overview.decisions} decision${overview.decisions === 1 ? "" : "s"} so far (${overview.consensus} consensus span${overview.consensus === 1 ? "" : "s"}).`,
    },
    {
      href: `${base}/blind`,
      title: "Blind mode",
      text: basics.blindCoding ? "On for the whole project: analysts see only their own codings." : blindDocuments > 0 ? `On for ${blindDocuments} interview${blindDocuments === 1 ? "" : "s"}.` : "Off: everyone sees everyone's codings.",
    },
  ];
  return (
    <>
      <RigourHeader user={user} project={basics} section="overview" blind={basics.blindCoding || blindDocuments > 0}>
        <p className="mt-2 max-w-3xl text-stone-700">
          Double coding in four steps: assign the same interviews to two or more analysts (with blind mode on, they cannot see each other&apos;s codings), let each mark their interviews done, compare their coding, then adjudicate the disagreements into a consensus coding that findings can use.
        </p>
      </RigourHeader>
      <main className="mx-auto max-w-6xl px-6 pb-10">
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Rigour tools">
          {cards.map((c) => (
            <li key={c.href}>
              <Link href={c.href} className="block h-full rounded-lg border border-stone-200 bg-white p-4 hover:border-teal-700">
                <span className="font-medium text-teal-900">{c.title}</span>
                <span className="mt-1 block text-sm text-stone-600">{c.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
