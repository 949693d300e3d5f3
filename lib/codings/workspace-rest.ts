import type { PackedCode } from "../codes/packed";
import type { PackedRows } from "./view";

/**
 * What GET /api/projects/:projectId/documents/:documentId/workspace answers: the whole of the
 * workspace after its opening (lib/codings/opening.ts). The text is the document's whole
 * normalized text; rows and codes are packed as the page once sent them (lib/codings/view.ts,
 * lib/codes/packed.ts).
 */
export type WorkspaceRest = { text: string; rows: PackedRows; codes: PackedCode[] };

export const workspaceRestUrl = (projectId: string, documentId: string) => `/api/projects/${encodeURIComponent(projectId)}/documents/${encodeURIComponent(documentId)}/workspace`;

/** What GET /api/projects/:projectId/codes/counts answers: codings per code in the project, as the viewer may see them. */
export type ProjectCodeCounts = { counts: Record<string, number> };

export const projectCodeCountsUrl = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/codes/counts`;
