import { z } from "zod";

/**
 * The inputs of the rigour tools: assignments, blind mode, agreement and disagreement
 * queries, adjudication. Offsets are code points of the document text, as everywhere.
 */

const id = z.string().trim().min(1).max(64);
const ids = (what: string, max = 1000) => z.array(id).min(1, `Choose at least one ${what}.`).max(max);
const offset = z.number().int("Offsets are whole numbers.").min(0, "Offsets cannot be negative.");

export const assignDocumentsSchema = z.object({
  projectId: id,
  documentIds: ids("document"),
  userIds: ids("analyst", 100),
});

export const unassignSchema = z.object({ projectId: id, documentId: id, userId: id });

export const markDoneSchema = z.object({ projectId: id, documentId: id, done: z.boolean() });

export const setProjectBlindSchema = z.object({ projectId: id, blind: z.boolean() });

export const setDocumentsBlindSchema = z.object({ projectId: id, documentIds: ids("document"), blind: z.boolean() });

/** The units of analysis the agreement table can be computed at. */
export const AGREEMENT_UNITS = ["document", "segment", "span"] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

/**
 * Which documents agreement is computed over: those every chosen analyst marked done (the
 * default: a document still being coded would count its blank passages as disagreement), or
 * every document each chosen analyst has coded at least once (owners only).
 */
export const AGREEMENT_SCOPES = ["done", "coded"] as const;
export type AgreementScope = (typeof AGREEMENT_SCOPES)[number];

export const agreementQuerySchema = z.object({
  projectId: id,
  coderIds: z.array(id).min(2, "Choose at least two analysts to compare.").max(50).refine((v) => new Set(v).size === v.length, "Choose each analyst once."),
  unit: z.enum(AGREEMENT_UNITS).default("segment"),
  scope: z.enum(AGREEMENT_SCOPES).default("done"),
});
export type AgreementQuery = z.infer<typeof agreementQuerySchema>;

/** Boundaries that differ by at most this many characters count as the same passage. */
export const DEFAULT_TOLERANCE = 20;
export const MAX_TOLERANCE = 10_000;

export const disagreementQuerySchema = z.object({
  projectId: id,
  coderIds: z
    .tuple([id, id])
    .refine(([a, b]) => a !== b, "Choose two different analysts."),
  scope: z.enum(AGREEMENT_SCOPES).default("done"),
  tolerance: z.number().int().min(0).max(MAX_TOLERANCE).default(DEFAULT_TOLERANCE),
  codeId: id.optional(),
  documentId: id.optional(),
});
export type DisagreementQuery = z.infer<typeof disagreementQuerySchema>;

export const ADJUDICATION_KINDS = ["accept_a", "accept_b", "accept_both", "merge", "custom", "reject"] as const;

export const decideSchema = z
  .object({
    projectId: id,
    documentId: id,
    codeId: id,
    /** The two analysts compared, in the order the page calls them A and B. */
    coderIds: z.tuple([id, id]).refine(([a, b]) => a !== b, "Choose two different analysts."),
    kind: z.enum(ADJUDICATION_KINDS),
    /** The analysts' codings the decision is about (one passage's codings). */
    sourceCodingIds: z.array(id).min(1, "Name the codings the decision is about.").max(500),
    start: offset.optional(),
    end: offset.optional(),
    reason: z.string().trim().max(5000, "Reasons are limited to 5,000 characters.").default(""),
  })
  .refine((v) => v.kind !== "custom" || (v.start !== undefined && v.end !== undefined), {
    message: "A new span needs a start and an end.",
    path: ["start"],
  })
  .refine((v) => v.start === undefined || v.end === undefined || v.start < v.end, { message: "The span must start before it ends.", path: ["end"] });
export type DecideInput = z.infer<typeof decideSchema>;

export const undoDecisionSchema = z.object({ projectId: id, decisionId: id, reason: z.string().trim().max(5000).default("") });

export type AssignDocumentsInput = z.infer<typeof assignDocumentsSchema>;
export type UnassignInput = z.infer<typeof unassignSchema>;
export type MarkDoneInput = z.infer<typeof markDoneSchema>;
export type SetProjectBlindInput = z.infer<typeof setProjectBlindSchema>;
export type SetDocumentsBlindInput = z.infer<typeof setDocumentsBlindSchema>;
export type UndoDecisionInput = z.infer<typeof undoDecisionSchema>;
