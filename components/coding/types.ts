import type { WorkspaceCode } from "@/lib/codes/packed";
import type { WorkspaceOpening } from "@/lib/codings/opening";
import type { OpeningWindow } from "@/lib/codings/opening-window";
import type { PackedCode } from "@/lib/codes/packed";
import type { PackedRows } from "@/lib/codings/view";
import type { WorkspaceCoding, WorkspaceTurn } from "@/lib/codings/view";

export type Coding = WorkspaceCoding;
export type Code = WorkspaceCode;
export type Turn = WorkspaceTurn;

/** The workspace's frame: document (without its text), case, project, coders, neighbours. */
export type WorkspaceShell = Omit<WorkspaceOpening, "turns" | "codings" | "codes" | "codebookSize" | "docCounts" | "window" | "focus">;

/**
 * What the page sends of the transcript (lib/codings/opening.ts): the window of text its first
 * screens show, that window's turns and codings packed (lib/codings/view.ts), the codes those
 * codings use (lib/codes/packed.ts, project counts not read) and their counts in the document.
 */
export type Opening = { window: OpeningWindow & { text: string }; rows: PackedRows; codes: PackedCode[]; codebookSize: number; docCounts: Record<string, number> };
export type Coder = { id: string; name: string };

/** Which codings the transcript shows. */
export type CoderFilter = { kind: "mine" } | { kind: "all" } | { kind: "coder"; coderId: string };

/** A passage waiting for codes: the snapped selection, in code points. */
export type PendingSelection = { start: number; end: number; rect: { top: number; left: number; bottom: number } };
