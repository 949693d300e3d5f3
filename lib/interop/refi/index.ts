/**
 * REFI-QDA (QDA-XML 1.0, https://www.qdasoftware.org), the exchange format of NVivo,
 * ATLAS.ti, MAXQDA and QualCoder: export a project (.qdpx) or its codebook (.qdc), import
 * either. Routes and server actions use access.ts (the access rules); scripts use api.ts.
 */
export { exportCodebookQdc, exportProjectQdpx, importQdc, importQdpx, type ImportContext, type ImportProgress } from "./api";
export { runExportQdc, runExportQdpx, runImportQdc, runImportQdpx, runStartRefiImport, type ExportedFile } from "./access";
export { REFI_IMPORT_LIMITS, describeLimits, type RefiLimits } from "./limits";
export { RefiFileError } from "./errors";
export { GROUNDED_REFI_NAMESPACE, refiGuid } from "./guid";
export type { ImportSummary, ImportedSource, ImportedUser } from "./summary";
export type { ImportWarning, WarningKind } from "./plan-types";
