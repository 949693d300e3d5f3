import type { ReactNode } from "react";

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="mt-3 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">{children}</p>;
}
