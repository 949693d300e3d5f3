import { AppError } from "../../errors";
import type { ExportCode } from "./data";
import { codeElements } from "./export-codes";
import { allocateGuids } from "./export-guids";
import { REFI_ORIGIN } from "./export-project";
import { el, serializeXml } from "./xml-write";

/** The codebook as a .qdc (Codebook.xsd, urn:QDA-XML:codebook:1.0), with the same GUIDs as in a .qdpx. */
export function buildCodebookQdc(codes: readonly ExportCode[]): string {
  // The schema wants at least one <Code>: an empty codebook has no valid .qdc.
  if (codes.length === 0) throw new AppError("VALIDATION", "This project has no codes yet, so there is no codebook to export.");
  return serializeXml(el("CodeBook", { xmlns: "urn:QDA-XML:codebook:1.0", origin: REFI_ORIGIN }, el("Codes", {}, codeElements(codes, codebookGuids(codes)))));
}

/** The same claims, in the same order, as the codes of a .qdpx (export-project.ts), so both files agree. */
export function codebookGuids(codes: readonly ExportCode[]) {
  return allocateGuids(codes.map((code) => ({ kind: "code" as const, id: code.id, refiGuid: code.refiGuid })));
}
