"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-stone-300 px-3 py-1 text-sm print:hidden">
      Print or save as PDF
    </button>
  );
}
