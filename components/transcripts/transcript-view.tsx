import { codePointIndex } from "@/lib/transcripts/offsets";

type Turn = { index: number; speaker: string; role: string; start: number; end: number; timestampMs: number | null };

function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  return [hh, mm, ss].map((n) => String(n).padStart(2, "0")).join(":");
}

/** A transcript as speaker turns; offsets are code points (lib/transcripts/offsets.ts). */
export function TranscriptView({ text, turns }: { text: string; turns: Turn[] }) {
  if (turns.length === 0) {
    return <pre className="mt-6 whitespace-pre-wrap font-serif text-[1.05rem] leading-relaxed">{text}</pre>;
  }
  const index = codePointIndex(text);
  return (
    <div className="mt-6 space-y-5" data-testid="transcript">
      {turns.map((turn) => (
        <section key={turn.index} className="grid grid-cols-[9rem_1fr] gap-4">
          <div className="pt-0.5 text-right text-sm">
            <div className={turn.role === "interviewer" ? "text-stone-500" : "font-medium text-teal-900"}>{turn.speaker}</div>
            {turn.timestampMs !== null && <div className="text-xs text-stone-400">{formatTimestamp(turn.timestampMs)}</div>}
          </div>
          <p className="whitespace-pre-wrap font-serif text-[1.05rem] leading-relaxed">
            {text.slice(index.toUtf16(turn.start), index.toUtf16(turn.end))}
          </p>
        </section>
      ))}
    </div>
  );
}
