"use client";

import type { FilePreview } from "@/lib/documents/import-request";
import type { ImportFileOptions } from "@/lib/documents/import-schema";

type Options = Pick<ImportFileOptions, "speakers" | "speakerLabels">;

/**
 * Which labels of a file are speakers. A label found on two or more lines is ticked; one
 * seen once is not (it may be a heading or a sentence with a colon) and can be ticked here;
 * "No speakers" is for reports and notes whose headings look like labels. The speakers
 * list below (rename, interviewer) follows the ticks.
 */
export function SpeakerLabelsChoice({ preview, options, onChange }: { preview: FilePreview; options: Options; onChange: (o: Options) => void }) {
  const none = options.speakerLabels.kind === "none";
  const ticked = (name: string) =>
    options.speakerLabels.kind === "chosen" ? options.speakerLabels.labels.includes(name) : preview.labels.find((l) => l.name === name)?.accepted === true;
  const group = `speaker-mode-${preview.fileName}`;

  function choose(labels: string[]) {
    const kept = new Map(options.speakers.map((s) => [s.from, s]));
    onChange({ speakerLabels: { kind: "chosen", labels }, speakers: labels.map((name) => kept.get(name) ?? { from: name, to: name, interviewer: false }) });
  }
  function setNone(value: boolean) {
    if (value) onChange({ speakerLabels: { kind: "none" }, speakers: [] });
    else onChange({ speakerLabels: { kind: "auto" }, speakers: preview.speakers.map((s) => ({ from: s.name, to: s.name, interviewer: s.interviewer })) });
  }

  if (preview.labels.length === 0 && preview.speakers.length === 0) return null;
  return (
    <fieldset className="space-y-1" data-testid="speaker-labels">
      <legend className="text-xs text-stone-600">Is this a transcript?</legend>
      <label className="flex items-center gap-2">
        <input type="radio" name={group} checked={!none} onChange={() => setNone(false)} />
        Yes: speakers are the labels ticked below
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name={group} checked={none} onChange={() => setNone(true)} />
        No speakers (a report or notes: its headings are not people)
      </label>
      {!none && preview.labels.length > 0 && (
        <ul className="ml-6 space-y-0.5" aria-label={`Labels found in ${preview.fileName}`}>
          {preview.labels.map((label) => (
            <li key={label.name}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  aria-label={`${label.name} is a speaker`}
                  checked={ticked(label.name)}
                  onChange={(e) => {
                    const current = preview.labels.filter((l) => ticked(l.name)).map((l) => l.name);
                    choose(e.target.checked ? [...current, label.name] : current.filter((n) => n !== label.name));
                  }}
                />
                <span className="font-medium">{label.name}</span>
                <span className="text-xs text-stone-600">
                  {label.occurrences === 1 ? "seen once" : `${label.occurrences} lines`}
                  {!label.accepted && label.occurrences > 1 ? " (looks like a heading)" : ""}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
