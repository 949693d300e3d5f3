import { ChartDownloads } from "./chart-downloads";

export type Bar = { label: string; value: number; display: string; colour: string; href?: string };

/**
 * A horizontal bar chart as plain, accessible SVG (role="img", a title and a description that
 * reads the values out), drawn on the server; values are shares 0..1 unless `max` says otherwise.
 * When its bars are links, it is a group of named links instead: an image is one thing to
 * assistive technology, and links inside it would be focusable yet unnamed and unreachable.
 * The title wraps onto as many lines as it needs inside the drawing (a finding's statement is a
 * sentence or two), so neither the page, the print nor a downloaded SVG or PNG cuts it.
 */
export function BarChart({ id, title, description, bars, max = 1 }: { id: string; title: string; description: string; bars: Bar[]; max?: number }) {
  const rowHeight = 28;
  const labelWidth = 230;
  const barWidth = 360;
  const width = labelWidth + barWidth + 70;
  const titleLines = wrapWords(title, Math.floor(width / TITLE_CHAR_WIDTH));
  const top = titleLines.length * 16 + 12;
  const height = bars.length * rowHeight + top + 8;
  const linked = bars.some((bar) => bar.href);
  return (
    <figure className="space-y-1">
      <svg id={id} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role={linked ? "group" : "img"} aria-labelledby={`${id}-title ${id}-desc`} fontFamily="system-ui, sans-serif" fontSize="12">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect width={width} height={height} fill="#ffffff" />
        <text x={0} y={0} fontWeight="600" fill="#1c1917" data-testid="chart-title">
          {titleLines.map((line, i) => <tspan key={i} x={0} dy={16}>{line}</tspan>)}
        </text>
        {bars.map((bar, i) => {
          const y = top + i * rowHeight;
          const w = max > 0 ? Math.max(1, (bar.value / max) * barWidth) : 0;
          const content = (
            <>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" fill="#292524">{bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}</text>
              <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 10} fill={bar.colour} rx={2} />
              <text x={labelWidth + w + 6} y={y + 15} fill="#292524">{bar.display}</text>
            </>
          );
          return bar.href ? (
            <a key={i} href={bar.href} aria-label={`${bar.label}: ${bar.display}`} className="focus-visible:outline-2 focus-visible:outline-teal-800">{content}</a>
          ) : (
            <g key={i}>{content}</g>
          );
        })}
      </svg>
      <ChartDownloads svgId={id} fileName={title} />
    </figure>
  );
}

/** A generous width of one bold 12px character: lines measured with it stay inside the drawing. */
const TITLE_CHAR_WIDTH = 7.5;

/** Words into lines of at most `max` characters; a word longer than a line is split. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) lines.push(line);
      lines.push(word.slice(0, max));
      word = word.slice(max);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
