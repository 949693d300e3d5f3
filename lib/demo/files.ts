import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parseCsvRecords } from "./csv";

/**
 * Reads and validates the demo study folder (data/demo):
 *   cases.csv             one row per case: attributes and project counts
 *   codebook.json         the code tree
 *   transcripts/<doc>.txt the interviews (lib/transcripts/plain-text.ts format)
 *   coding/<doc>.json     analysts A and B's reference coding, passages quoted exactly
 *   report-quotes.json    the report's quotations (tests only)
 * Every problem is reported with the file and case it is in, before anything is written.
 */

export const DEFAULT_DEMO_DIR = path.join(process.cwd(), "data", "demo");

export type CodebookEntry = {
  key: string;
  name: string;
  colour: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  shortcut: string | null;
  children?: CodebookEntry[];
};

const codebookEntry: z.ZodType<CodebookEntry> = z.lazy(() =>
  z.object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    colour: z.string().regex(/^#[0-9a-f]{6}$/i),
    description: z.string(),
    inclusion: z.string(),
    exclusion: z.string(),
    example: z.string(),
    shortcut: z.string().min(1).nullable(),
    children: z.array(codebookEntry).optional(),
  }),
);

const codebookFile = z.object({ codes: z.array(codebookEntry).min(1) });

const referenceCoding = z.object({
  code: z.string().min(1),
  coders: z.array(z.enum(["A", "B"])).min(1),
  text: z.string().min(1),
  memo: z.string().optional(),
  occurrence: z.int().min(1).optional(),
});
export type ReferenceCoding = z.infer<typeof referenceCoding>;

const codingFile = z.object({ document: z.string().min(1), codings: z.array(referenceCoding) });

const reportQuotesFile = z.object({
  quotes: z.array(z.object({ id: z.string(), theme: z.string(), case: z.string(), parts: z.array(z.string().min(1)).min(1) })),
});
export type ReportQuote = z.infer<typeof reportQuotesFile>["quotes"][number];

/** Columns that are not counts; every other column of cases.csv holds a whole number. */
export const CASE_TEXT_COLUMNS = ["case", "document", "sector", "respondent_role", "organisation", "respondents"] as const;

export type DemoCase = {
  name: string;
  /** All cases.csv columns of this case, as written. */
  row: Record<string, string>;
  respondents: string[];
  transcriptFile: string;
  /** The transcript as read (normalized later, by the parser). */
  transcript: string;
  codings: ReferenceCoding[];
};

export type DemoData = {
  columns: string[];
  cases: DemoCase[];
  codebook: CodebookEntry[];
  quotes: ReportQuote[];
};

export async function readDemoData(dataDir: string = DEFAULT_DEMO_DIR): Promise<DemoData> {
  const read = (...parts: string[]) => fs.readFile(path.join(dataDir, ...parts), "utf8");
  const { columns, records } = parseCsvRecords(await read("cases.csv"));
  for (const column of ["case", "document", "sector", "respondent_role", "organisation", "respondents", "projects"]) {
    if (!columns.includes(column)) throw new Error(`cases.csv has no "${column}" column`);
  }
  const codebook = parseJson(codebookFile, await read("codebook.json"), "codebook.json").codes;
  const leafKeys = checkCodebook(codebook);
  const quotes = parseJson(reportQuotesFile, await read("report-quotes.json"), "report-quotes.json").quotes;

  const seen = new Set<string>();
  const cases = await Promise.all(
    records.map(async ({ record, values }): Promise<DemoCase> => {
      const name = values.case.trim();
      const where = `cases.csv record ${record} (${name || "no case id"})`;
      if (!name || !values.document.trim()) throw new Error(`${where}: "case" and "document" must not be empty`);
      if (seen.has(name)) throw new Error(`${where}: case ${name} is listed twice`);
      seen.add(name);
      for (const column of columns) {
        if (!(CASE_TEXT_COLUMNS as readonly string[]).includes(column) && !/^\d+$/.test(values[column].trim())) {
          throw new Error(`${where}: "${column}" must be a whole number, got "${values[column]}"`);
        }
      }
      const document = values.document.trim();
      const transcriptFile = `${document}.txt`;
      const transcript = await read("transcripts", transcriptFile).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`${name}: cannot read transcripts/${transcriptFile} (${error.code ?? error.message})`);
      });
      const coding = parseJson(codingFile, await read("coding", `${document}.json`), `coding/${document}.json`);
      if (coding.document !== document) throw new Error(`${name}: coding/${document}.json names document "${coding.document}"`);
      coding.codings.forEach((entry, i) => {
        if (!leafKeys.has(entry.code)) {
          throw new Error(`${name}: coding ${i + 1} uses "${entry.code}", which is not a leaf code of the codebook`);
        }
      });
      const respondents = values.respondents.split(";").map((s) => s.trim()).filter(Boolean);
      return { name, row: values, respondents, transcriptFile, transcript, codings: coding.codings };
    }),
  );
  return { columns, cases, codebook, quotes };
}

function parseJson<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new Error(`${file} is not in the expected shape:\n${z.prettifyError(result.error)}`);
  return result.data;
}

// Keys identify codes in the coding files and names must be unique for the codebook UI;
// returns the keys codings may use (leaves only: a parent is a heading, per the codebook).
function checkCodebook(codebook: CodebookEntry[]): Set<string> {
  const keys = new Set<string>();
  const names = new Set<string>();
  const leaves = new Set<string>();
  const visit = (entries: CodebookEntry[]) => {
    for (const entry of entries) {
      if (keys.has(entry.key)) throw new Error(`codebook.json: code key "${entry.key}" is used twice`);
      if (names.has(entry.name)) throw new Error(`codebook.json: code name "${entry.name}" is used twice`);
      keys.add(entry.key);
      names.add(entry.name);
      if (entry.children?.length) visit(entry.children);
      else leaves.add(entry.key);
    }
  };
  visit(codebook);
  return leaves;
}
