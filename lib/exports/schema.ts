import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const flag = z.enum(["0", "1"]).default("0").transform((v) => v === "1");

/**
 * What a slice export may be asked for, from a URL's query string: the codings of one code
 * (its sub-codes too with subcodes=1), of one document, of one case, or of the cases whose
 * attribute has one value; as CSV or XLSX.
 */
export const sliceQuerySchema = z.discriminatedUnion("slice", [
  z.object({ slice: z.literal("code"), id, subcodes: flag, format: z.enum(["csv", "xlsx"]) }),
  z.object({ slice: z.literal("document"), id, format: z.enum(["csv", "xlsx"]) }),
  z.object({ slice: z.literal("case"), id, format: z.enum(["csv", "xlsx"]) }),
  z.object({ slice: z.literal("attribute"), id, value: z.string().trim().min(1, "Choose a value.").max(500), format: z.enum(["csv", "xlsx"]) }),
]);
export type SliceQuery = z.infer<typeof sliceQuerySchema>;

/** The quotes of a theme as a Word document; coders=1 names the analyst of each quote. */
export const themeQuotesQuerySchema = z.object({ codeId: id, subcodes: flag, coders: flag });
export type ThemeQuotesQuery = z.infer<typeof themeQuotesQuerySchema>;
