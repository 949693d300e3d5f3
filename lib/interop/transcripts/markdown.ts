/**
 * Markdown transcripts usually bold their labels ("**Interviewer:** text" or
 * "**Interviewer**: text"); the emphasis is removed from a label at the start of a line so
 * the plain-text parser sees "Interviewer: text". Everything else stays as written.
 */
export function unboldLabels(markdown: string): string {
  return markdown.replace(/^(\s*(?:\[[\d:.]+\]\s*)?)(\*\*|__)([^*_\n]{1,60}?)(:?)\2(:?)/gm, (_m, lead, _mark, name, inner, outer) =>
    inner || outer ? `${lead}${name}:` : _m,
  );
}
