type Attribute = { name: string; type: string; value: string | number | boolean | null };

export function CasePanel({ name, attributes }: { name: string; attributes: Attribute[] }) {
  return (
    <section aria-labelledby="case-heading" data-testid="case-panel">
      <h2 id="case-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600">Case {name}</h2>
      {attributes.length === 0 ? (
        <p className="mt-1 text-xs text-stone-500">No attributes recorded for this case.</p>
      ) : (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          {attributes.map((a) => (
            <div key={a.name} className="contents">
              <dt className="text-stone-500">{a.name.replaceAll("_", " ")}</dt>
              <dd className="text-stone-800">{a.value === null ? "—" : typeof a.value === "boolean" ? (a.value ? "yes" : "no") : String(a.value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
