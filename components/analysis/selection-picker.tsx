import { coderSelectionToParam, type CoderSelection } from "@/lib/analysis/coder-selection";

type Coder = { id: string; name: string };

/**
 * "Whose coding counts", shown on every analysis page: a plain GET form, so the choice lives
 * in the URL and every figure on the page says which coding it counts. `decisions` is the
 * number of adjudication decisions in force (consensusDecisionCount), so the consensus
 * option can say when there is nothing in the consensus layer yet.
 */
export function SelectionPicker({ selection, coders, label, forced, decisions, hiddenFields = {} }: {
  selection: CoderSelection;
  coders: Coder[];
  label: string;
  forced: boolean;
  decisions?: number;
  hiddenFields?: Record<string, string>;
}) {
  const options: { value: string; text: string }[] = [{ value: "any", text: "Any analyst (union) — default" }];
  for (const c of coders) options.push({ value: `coder:${c.id}`, text: `${c.name} only` });
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) options.push({ value: `agreed:${coders[i].id},${coders[j].id}`, text: `Agreed by ${coders[i].name} and ${coders[j].name}` });
  }
  const noDecisions = decisions === 0;
  options.push({
    value: "consensus",
    text: `Consensus (adjudicated)${decisions === undefined ? "" : noDecisions ? " — no decisions yet" : ` — ${decisions} decision${decisions === 1 ? "" : "s"}`}`,
  });
  return (
    <form method="get" className="flex flex-wrap items-center gap-2 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm" aria-label="Whose coding counts">
      <span className="font-medium">Whose coding counts:</span>
      {forced ? (
        <span data-testid="selection-label">{label} (blind coding is on)</span>
      ) : (
        <>
          <select name="coders" defaultValue={coderSelectionToParam(selection)} aria-label="Whose coding counts" className="rounded border border-stone-300 px-2 py-1">
            {options.map((o) => (
              <option key={o.value} value={o.value}>{o.text}</option>
            ))}
          </select>
          {Object.entries(hiddenFields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <button type="submit" className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100">Apply</button>
          <span className="text-stone-500" data-testid="selection-label">Now: {label}</span>
          {selection.kind === "consensus" && noDecisions && (
            <p className="basis-full text-amber-800" data-testid="consensus-empty">
              No adjudication decisions yet, so every figure under the consensus layer is 0. Decide disagreements on the Rigour page first.
            </p>
          )}
        </>
      )}
    </form>
  );
}
