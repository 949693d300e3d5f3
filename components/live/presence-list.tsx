"use client";

import type { Present } from "./use-live";

/** "Also here: Ana, Ben" for the people with the same page (or document) open; nothing when alone. */
export function PresenceList({ people, where }: { people: Present[]; where: string }) {
  const here = [...new Set(people.filter((p) => p.where === where).map((p) => p.name))];
  if (here.length === 0) return null;
  return (
    <p className="text-xs text-stone-700" data-testid="presence" aria-live="polite">
      <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full bg-teal-700" />
      Also here: {here.join(", ")}
    </p>
  );
}
