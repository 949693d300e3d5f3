/**
 * A small RFC 4180 reader: commas, double-quoted fields holding commas, quotes ("") and line
 * breaks, LF or CRLF. Hand-written because the one CSV file we read is our own and a
 * dependency would outweigh these lines; it refuses malformed input rather than guessing.
 */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new Error(`CSV line ${line}: unexpected text after a closing quote`);
        }
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== "") throw new Error(`CSV line ${line}: a quote inside an unquoted field`);
      quoted = true;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      endField();
      rows.push(row);
      row = [];
      line++;
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw new Error(`CSV line ${line}: a quoted field is not closed`);
  // The last line needs no line break after it.
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/** Rows as objects keyed by the header line; every row must have the header's width. */
export function parseCsvRecords(input: string): { columns: string[]; records: { record: number; values: Record<string, string> }[] } {
  const [header, ...rows] = parseCsv(input);
  if (!header) throw new Error("CSV file is empty");
  const columns = header.map((name) => name.trim());
  if (new Set(columns).size !== columns.length) throw new Error("CSV header names a column twice");
  const records = rows.map((row, i) => {
    if (row.length !== columns.length) {
      throw new Error(`CSV record ${i + 1}: ${row.length} fields, the header has ${columns.length}`);
    }
    return { record: i + 1, values: Object.fromEntries(columns.map((name, j) => [name, row[j]])) };
  });
  return { columns, records };
}
