import type { SpeakerRole } from "../db/generated/enums";

type Place = { turnIndex: number | null; speaker: string | null; role: SpeakerRole | null; line: number };

/** Where a quote is, as a reader of a paper would cite it: "Interview 07, respondent (Maria), ¶ 12". */
export function citation(documentTitle: string, q: Place): string {
  if (q.turnIndex === null) return `${documentTitle}, line ${q.line}`;
  const who = q.role && q.speaker && q.speaker.toLowerCase() !== q.role ? `${q.role} (${q.speaker})` : (q.speaker ?? q.role ?? "speaker");
  return `${documentTitle}, ${who}, ¶ ${q.turnIndex + 1}`;
}
