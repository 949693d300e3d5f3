import type { WorkspaceCode } from "@/lib/codes/packed";
import type { Workspace } from "@/lib/codings/data";
import type { WorkspaceCoding, WorkspaceTurn } from "@/lib/codings/view";

export type Coding = WorkspaceCoding;
export type Code = WorkspaceCode;
export type Turn = WorkspaceTurn;

/** The workspace without its turns, codings (lib/codings/view.ts) and codes (lib/codes/packed.ts), which travel packed. */
export type WorkspaceShell = Omit<Workspace, "codings" | "document" | "codes" | "projectCounts"> & { document: Omit<Workspace["document"], "turns"> };
export type Coder = { id: string; name: string };

/** Which codings the transcript shows. */
export type CoderFilter = { kind: "mine" } | { kind: "all" } | { kind: "coder"; coderId: string };

/** A passage waiting for codes: the snapped selection, in code points. */
export type PendingSelection = { start: number; end: number; rect: { top: number; left: number; bottom: number } };
