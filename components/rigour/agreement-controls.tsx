import type { AgreementScope, AgreementUnit } from "@/lib/rigour/schema";

const UNITS: { value: AgreementUnit; label: string; help: string }[] = [
  { value: "segment", label: "Segment", help: "each speaker turn (or paragraph) coded or not with each code" },
  { value: "document", label: "Document", help: "was the code applied anywhere in the interview" },
  { value: "span", label: "Character span", help: "Krippendorff's alpha for unitizing: how closely the spans' bounds agree" },
];

/** The choices of the agreement page, as a plain GET form: the URL holds them, so results can be linked and exported. */
export function AgreementControls({ action, coders, chosen, unit, scope, owner }: {
  action: string;
  coders: { id: string; name: string }[];
  chosen: string[];
  unit: AgreementUnit;
  scope: AgreementScope;
  owner: boolean;
}) {
  return (
    <form method="get" action={action} aria-label="What to compare" className="mt-4 grid gap-4 rounded-lg border border-stone-200 bg-white p-4 text-sm md:grid-cols-3">
      <fieldset>
        <legend className="font-medium">Analysts (two or more)</legend>
        <div className="mt-2 space-y-1">
          {coders.map((c) => (
            <label key={c.id} className="flex items-center gap-2">
              <input type="checkbox" name="coders" value={c.id} defaultChecked={chosen.includes(c.id)} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="font-medium">Unit of analysis</legend>
        <div className="mt-2 space-y-1">
          {UNITS.map((u) => (
            <label key={u.value} className="flex items-start gap-2">
              <input type="radio" name="unit" value={u.value} defaultChecked={unit === u.value} className="mt-1" />
              <span>
                {u.label} <span className="text-stone-500">— {u.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-3">
        <fieldset>
          <legend className="font-medium">Interviews</legend>
          <div className="mt-2 space-y-1">
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="done" defaultChecked={scope === "done"} className="mt-1" />
              <span>Only those every chosen analyst marked done (default)</span>
            </label>
            <label className={`flex items-start gap-2 ${owner ? "" : "text-stone-600"}`}>
              <input type="radio" name="scope" value="coded" defaultChecked={scope === "coded"} disabled={!owner} className="mt-1" />
              <span>Every interview they all coded, done or not{owner ? "" : " (owners only)"}</span>
            </label>
          </div>
        </fieldset>
        <button type="submit" className="self-start rounded bg-teal-800 px-3 py-1.5 text-white">Compute agreement</button>
      </div>
    </form>
  );
}
