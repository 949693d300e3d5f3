import { CodeChooser } from "@/components/codes/code-chooser";
import type { DisagreementParams } from "@/lib/rigour/params";
import { MAX_TOLERANCE } from "@/lib/rigour/schema";

/** The choices of the disagreements page, as a GET form (the URL keeps them). */
export function DisagreementControls({ action, projectId, coders, chosen, choice, code, documents, owner }: {
  action: string;
  projectId: string;
  coders: { id: string; name: string }[];
  chosen: [string, string] | null;
  choice: DisagreementParams;
  /** The code the list is narrowed to, if any: the chooser finds others by typing, so the codebook is not sent. */
  code: { id: string; name: string } | null;
  documents: { id: string; title: string }[];
  owner: boolean;
}) {
  const select = "mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1";
  return (
    <form method="get" action={action} aria-label="Which disagreements" className="mt-4 grid gap-4 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
      <label>
        <span className="font-medium">Analyst A</span>
        <select name="coders" defaultValue={chosen?.[0]} className={select}>
          {coders.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label>
        <span className="font-medium">Analyst B</span>
        <select name="coders" defaultValue={chosen?.[1]} className={select}>
          {coders.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label>
        <span className="font-medium">Boundary tolerance (characters)</span>
        <input type="number" name="tolerance" min={0} max={MAX_TOLERANCE} step={1} defaultValue={choice.tolerance} className={select} />
      </label>
      <label>
        <span className="font-medium">Interviews</span>
        <select name="scope" defaultValue={choice.scope} className={select}>
          <option value="done">Marked done by both (default)</option>
          {owner && <option value="coded">Every interview both coded</option>}
        </select>
      </label>
      <div>
        <span className="font-medium" aria-hidden>Code</span>
        <CodeChooser projectId={projectId} label="Code" name="code" value={code} noneLabel="All codes" className="mt-1 block w-full" />
      </div>
      <label>
        <span className="font-medium">Interview</span>
        <select name="document" defaultValue={choice.documentId ?? ""} className={select}>
          <option value="">All interviews</option>
          {documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
        </select>
      </label>
      <label>
        <span className="font-medium">Show</span>
        <select name="status" defaultValue={choice.status} className={select}>
          <option value="all">Open and decided</option>
          <option value="open">Open only</option>
          <option value="decided">Decided only</option>
        </select>
      </label>
      <div className="flex items-end">
        <button type="submit" className="rounded bg-teal-800 px-3 py-1.5 text-white">Show disagreements</button>
      </div>
    </form>
  );
}
