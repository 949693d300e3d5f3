import { z } from "zod";
import { PROJECT_DESCRIPTION_MAX } from "../../projects/limits";
import { projectId } from "../../projects/schema";
import { DEFAULT_EXPORT_TARGET, EXPORT_TARGETS } from "./export-targets";

/** The inputs of the REFI-QDA API (api.ts, access.ts); bytes arrive as a Uint8Array (a Buffer is one). */
const fileName = z.string().trim().min(1, "The file has no name.").max(255);
const bytes = z.instanceof(Uint8Array, { message: "No file was sent." });
const projectName = z.string().trim().min(1, "Give the project a name.").max(200);
const limits = z
  .object({
    maxUploadBytes: z.number().int().positive(),
    maxArchiveEntries: z.number().int().positive(),
    maxUnpackedBytes: z.number().int().positive(),
    maxRatio: z.number().positive(),
    maxXmlDepth: z.number().int().positive(),
  })
  .partial();

export const exportSchema = z.object({ projectId });
/** A .qdpx may be written for one tool's way of counting positions (export-targets.ts). */
export const exportQdpxSchema = exportSchema.extend({
  target: z.enum(EXPORT_TARGETS, { message: `Choose one of: ${EXPORT_TARGETS.join(", ")}.` }).default(DEFAULT_EXPORT_TARGET),
});

/**
 * What to do when the file's positions could be read two ways and the evidence is weak
 * (import-positions.ts): "ask" stops before writing and answers with the readings to compare,
 * "accept" imports with the better one. The import form asks first; the CLI accepts.
 */
const weakPositions = z.enum(["ask", "accept"]).default("accept");
export const importQdpxSchema = z.object({ fileName, bytes, projectName: projectName.optional(), weakPositions, limits: limits.optional() });

// A .qdc that starts a new project ("New project" from a codebook) may bring its name and description.
const projectDescription = z.string().trim().max(PROJECT_DESCRIPTION_MAX);
export const importQdcSchema = z.object({ fileName, bytes, intoProjectId: projectId.optional(), projectName: projectName.optional(), projectDescription: projectDescription.optional(), weakPositions, limits: limits.optional() });

export type ImportQdpxInput = z.infer<typeof importQdpxSchema>;
export type ImportQdcInput = z.infer<typeof importQdcSchema>;
export type ImportQdpxOptions = Omit<z.input<typeof importQdpxSchema>, "fileName" | "bytes">;
export type ImportQdcOptions = Omit<z.input<typeof importQdcSchema>, "fileName" | "bytes">;

/** What a browser may send: the same, without the limits (only the server chooses those). */
export const importQdpxRequestSchema = importQdpxSchema.omit({ limits: true });
export const importQdcRequestSchema = importQdcSchema.omit({ limits: true });
