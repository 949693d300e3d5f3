import Papa from "papaparse";

/**
 * CSV for people who open it in a spreadsheet. A cell a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading single quote, as
 * OWASP's "CSV Injection" page advises: a quote or memo like `=HYPERLINK("http://evil",...)`
 * written by one analyst must not run in a colleague's Excel. Numbers are left as they are
 * (a negative kappa stays a number); only text is touched.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

type Cell = string | number | boolean | null | undefined;

/** Papa.unparse with every text cell neutralised (its own escapeFormulae misses multi-line text). */
export function toCsv(data: { fields: string[]; data: Cell[][] } | Cell[][], options: { newline?: string } = {}): string {
  return Papa.unparse(data as Papa.UnparseObject<Cell[]>, { ...options, escapeFormulae: FORMULA_START });
}
